"""Installing and removing the .oxt: with unopkg into a fresh profile, and through the Extension Manager API
(what Tools ▸ Extension Manager does) in a running office; both leave nothing behind."""
import os
import shutil
import unittest

import uno

from office import OXT, ApproveAll, Office, OfficeCase, run_unopkg

IDENTIFIER = "org.jixiao.Jixiao"


def unopkg(profile, *args):
    return run_unopkg(profile, *args, "-v")


class UnopkgTest(OfficeCase):
    def test_add_list_and_remove_in_a_fresh_profile(self):
        office = Office()
        office.start()  # installs with unopkg add
        try:
            self.assertIsNotNone(office.tool())
            profile = office.profile
            office.keep_profile = True
            self.addCleanup(shutil.rmtree, profile, True)
            office.shutdown()  # exit code 0, or the test fails with why
        finally:
            office.stop()
        listed = unopkg(profile, "list")
        self.assertIn(IDENTIFIER, listed.stdout + listed.stderr)
        removed = unopkg(profile, "remove", IDENTIFIER)
        self.assertEqual(removed.returncode, 0, removed.stdout + removed.stderr)
        listed = unopkg(profile, "list")
        self.assertNotIn(IDENTIFIER, listed.stdout + listed.stderr)
        cache = os.path.join(profile, "user", "uno_packages", "cache", "uno_packages")
        leftovers = [name for name in os.listdir(cache)] if os.path.isdir(cache) else []
        self.assertFalse([n for n in leftovers if not n.endswith(".tmp")], leftovers)


class ExtensionManagerTest(OfficeCase):
    def test_add_restart_and_remove_through_the_extension_manager(self):
        office = Office(install=False)
        office.start()
        office.keep_profile = True
        try:
            self.assertIsNone(office.service("org.jixiao.EvaluationTool"))
            manager = office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
            package = manager.addExtension(uno.systemPathToFileUrl(OXT), (), "user", None, ApproveAll())
            self.assertEqual(package.getIdentifier().Value, IDENTIFIER)
            profile = office.profile
        finally:
            office.stop()
        # As the Extension Manager asks: restart LibreOffice, then the extension is there in full.
        office = Office(install=False, profile=profile)
        office.start()
        try:
            office.load_extension_types()
            tool = office.service("org.jixiao.EvaluationTool")
            self.assertIsNotNone(tool, "the service is not there after adding the extension")
            doc = office.new_document("swriter")
            self.assertTrue(tool.insertScoreTable(doc, "county-project"))
            doc.close(True)
            manager = office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
            manager.removeExtension(IDENTIFIER, os.path.basename(OXT), "user", None, ApproveAll())
            names = [p.getIdentifier().Value for p in manager.getDeployedExtensions("user", None, ApproveAll())]
            self.assertNotIn(IDENTIFIER, names)
        finally:
            office.stop()


if __name__ == "__main__":
    unittest.main()
