"""The deck's panel, created the way the sidebar creates it (org.jixiao.PanelFactory with the document's frame
and a parent window), in a headless office: the component loads, the panel builds its controls and disposes
cleanly. Cheap enough for every office of tests/matrix/run.sh, where the UI tests (Xvfb) do not run."""
import platform
import unittest

from office import Office, OfficeCase, props

office = Office()


def texts(accessible):
    """Every accessible name under `accessible`, joined: the panel's labels as a screen reader reads them."""
    context = accessible.getAccessibleContext()
    names = [context.getAccessibleName()]
    for i in range(context.getAccessibleChildCount()):
        names.append(texts(context.getAccessibleChild(i)))
    return "\n".join(names)


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


class PanelFactoryTest(OfficeCase):
    URL = "private:resource/toolpanel/org.jixiao.Jixiao.PanelFactory/MainPanel"

    def test_the_factory_creates_a_panel_for_writer_and_calc(self):
        factory = office.service("org.jixiao.PanelFactory")
        self.assertIsNotNone(factory, "the component did not load")
        for kind in ("swriter", "scalc"):
            doc = office.new_document(kind)
            try:
                frame = doc.CurrentController.Frame
                panel = factory.createUIElement(self.URL, props(Frame=frame, ParentWindow=frame.ContainerWindow))
                self.assertEqual(panel.ResourceURL, self.URL, kind)
                window = panel.getRealInterface()
                self.assertIsNotNone(window, kind)
                self.assertGreater(panel.getHeightForWidth(300).Minimum, 0, kind)
                self.assertIn(self.expected_about(), texts(panel.createAccessible(None)), kind)
                panel.dispose()
            finally:
                doc.close(True)

    @staticmethod
    def expected_about():
        """The deck's About line: the office's version as its About box shows it, and the platform of the
        library that loaded (aarch64 under qemu-user in tests/matrix/run.sh)."""
        provider = office.service("com.sun.star.configuration.ConfigurationProvider")
        product = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                       props(nodepath="/org.openoffice.Setup/Product"))
        return f"LibreOffice {product.ooSetupVersionAboutBox} · Linux {platform.machine()}"

    def test_without_a_parent_window_it_refuses_with_an_illegal_argument(self):
        from com.sun.star.lang import IllegalArgumentException
        factory = office.service("org.jixiao.PanelFactory")
        with self.assertRaises(IllegalArgumentException):
            factory.createUIElement(self.URL, ())


if __name__ == "__main__":
    unittest.main()
