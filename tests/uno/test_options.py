"""Tools ▸ Options ▸ 绩效评价: the options page loads the settings into its controls, stores them on OK, and
they take effect (grade bands, live recompute)."""
import unittest

import uno  # noqa: F401  (makes the com.sun.star modules importable)
from com.sun.star.beans import NamedValue

from office import Office, OfficeCase, wait_until

office = Office()


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


def settings():
    provider = office.service("com.sun.star.configuration.ConfigurationProvider")
    path = NamedValue()
    path.Name, path.Value = "nodepath", "/org.jixiao.Jixiao.Options/Settings"
    return provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (path,))


class OptionsPageTest(OfficeCase):
    def open_page(self, doc):
        packages = office.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
        url = packages.getPackageLocation("org.jixiao.Jixiao") + "/dialogs/Options.xdl"
        provider = office.service("com.sun.star.awt.ContainerWindowProvider")
        handler = office.service("org.jixiao.OptionsHandler")
        parent = doc.CurrentController.Frame.ContainerWindow
        window = provider.createContainerWindow(url, "", parent, handler)
        self.assertTrue(handler.callHandlerMethod(window, "initialize", "external_event"))
        return window, handler

    def test_the_page_opens_the_user_guide_shipped_in_the_package(self):
        doc = office.new_document("swriter")
        try:
            window, handler = self.open_page(doc)
            self.assertEqual(window.getControl("HelpGuide").getModel().Label, "使用指南")
            self.assertIn("openHelpGuide", handler.getSupportedMethodNames())
            # The URL openHelpGuide hands to the system (src/uno/panel/help_guide.cpp), inside the installed extension.
            packages = office.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
            url = packages.getPackageLocation("org.jixiao.Jixiao") + "/help/guide.html"
            files = office.service("com.sun.star.ucb.SimpleFileAccess")
            self.assertTrue(files.exists(url), url)
            stream = files.openFileRead(url)
            length, data = stream.readBytes(None, files.getSize(url))
            stream.closeInput()
            text = bytes(data.value).decode("utf-8")
            self.assertLess(text.index("绩效评价助手使用指南"), text.index("Jixiao user guide (English)"))
            # The button's handler opens it in the office, read-only.
            self.assertTrue(handler.callHandlerMethod(window, None, "openHelpGuide"))
            guides = [c for c in office.desktop.Components if c.supportsService("com.sun.star.document.OfficeDocument")
                      and c.getURL() == url]
            self.assertEqual(len(guides), 1, url)
            self.assertTrue(guides[0].getArgs() and dict((a.Name, a.Value) for a in guides[0].getArgs())["ReadOnly"])
            guides[0].close(True)
        finally:
            doc.close(True)

    def test_page_shows_and_stores_the_settings(self):
        doc = office.new_document("swriter")
        try:
            window, handler = self.open_page(doc)
            live = window.getControl("LiveRecompute").getModel()
            self.assertEqual(live.State, 1)
            self.assertIn("实时重算", live.Label)
            self.assertEqual(window.getControl("GradeExcellent").getModel().Value, 90)
            templates = window.getControl("DefaultTemplate").getModel().StringItemList
            # The templates by name, as the deck's chooser shows them; ids are for macros and the batch.
            self.assertIn("县级项目支出绩效评价指标体系（决策、过程、产出、效益）", templates)
            self.assertFalse(any("county-project" in t for t in templates), templates)

            live.State = 0
            window.getControl("GradeExcellent").getModel().Value = 85
            self.assertTrue(handler.callHandlerMethod(window, "ok", "external_event"))
            stored = settings()
            self.assertFalse(stored.getByName("LiveRecompute"))
            self.assertEqual(stored.getByName("GradeExcellent"), 85)

            # In effect: 87 is 优秀 now, and an edit waits for an explicit recompute.
            tool = office.tool()
            table = doc.TextTables.getByName(tool.insertScoreTable(doc, "county-project"))
            for row in range(2, 23):
                table.getCellByName(f"G{row}").setString(table.getCellByName(f"F{row}").getString())
            table.getCellByName("G21").setString("0")  # 可持续影响 6 → 0
            table.getCellByName("G20").setString("1")  # 社会效益 8 → 1: total 87
            office.settle()  # a live recompute, were one queued, has run by now
            self.assertEqual(table.getCellByName("C23").getString(), "", "live recompute is switched off")
            self.assertGreater(tool.recompute(doc), 0)
            self.assertEqual(table.getCellByName("C23").getString(), "87")
            self.assertEqual(table.getCellByName("B24").getString(), "优秀")
        finally:
            doc.close(True)
            window, handler = self.open_page(office.new_document("swriter"))
            window.getControl("LiveRecompute").getModel().State = 1
            window.getControl("GradeExcellent").getModel().Value = 90
            handler.callHandlerMethod(window, "ok", "external_event")

    def test_an_inconsistent_set_of_bands_is_refused_with_a_message(self):
        # Issue 19: 良好 above 优秀 was thrown away on 确定 without a word.
        doc = office.new_document("swriter")
        try:
            window, handler = self.open_page(doc)
            fields = {name: window.getControl(name).getModel() for name in ("GradeExcellent", "GradeGood", "GradePass")}
            problem = window.getControl("GradesProblem").getModel()
            self.assertEqual(problem.Label, "")
            for values, words in (((80, 85, 60), "依次降低"), ((90, 90, 60), "重叠")):
                for field, value in zip(fields.values(), values):
                    field.Value = value
                self.assertFalse(handler.callHandlerMethod(window, "ok", "external_event"))
                self.assertEqual(settings().getByName("GradeExcellent"), 90, "the bands are not stored")
                self.assertEqual(settings().getByName("GradeGood"), 80)
                self.assertEqual([f.Value for f in fields.values()], list(values), "the page keeps what was typed")
                self.assertIn("评价等级分数线未保存", problem.Label)
                self.assertIn(words, problem.Label)
            # Put right, they are stored and the message goes.
            fields["GradeGood"].Value = 85
            self.assertTrue(handler.callHandlerMethod(window, "ok", "external_event"))
            self.assertEqual(settings().getByName("GradeGood"), 85)
            self.assertEqual(problem.Label, "")
        finally:
            doc.close(True)
            window, handler = self.open_page(office.new_document("swriter"))
            window.getControl("GradeExcellent").getModel().Value = 90
            window.getControl("GradeGood").getModel().Value = 80
            window.getControl("GradePass").getModel().Value = 60
            handler.callHandlerMethod(window, "ok", "external_event")





class HelpGuideMenuTest(OfficeCase):
    def test_tools_menu_entry_opens_the_guide(self):
        """Tools ▸ 绩效评价使用指南 dispatches service:org.jixiao.HelpGuide (registry/Addons.xcu)."""
        packages = office.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
        url = packages.getPackageLocation("org.jixiao.Jixiao") + "/help/guide.html"
        doc = office.new_document("swriter")
        try:
            dispatcher = office.service("com.sun.star.frame.DispatchHelper")
            dispatcher.executeDispatch(doc.CurrentController.Frame, "service:org.jixiao.HelpGuide", "", 0, ())

            def guides():
                return [c for c in office.desktop.Components
                        if c.supportsService("com.sun.star.document.OfficeDocument") and c.getURL() == url]
            self.assertTrue(wait_until(lambda: len(guides()) == 1), url)
            guides()[0].close(True)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
