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
    # registry/Sidebar.xcu's panels: 报告信息, 打分表, 校验结果, 报告段落, 状态与帮助 (the About line's).
    PANELS = ("ReportPanel", "MainPanel", "ChecksPanel", "SectionsPanel", "StatusPanel")

    def test_the_factory_creates_each_panel_for_writer_and_calc(self):
        factory = office.service("org.jixiao.PanelFactory")
        self.assertIsNotNone(factory, "the component did not load")
        for kind in ("swriter", "scalc"):
            doc = office.new_document(kind)
            try:
                frame = doc.CurrentController.Frame
                for name in self.PANELS:
                    url = "private:resource/toolpanel/org.jixiao.Jixiao.PanelFactory/" + name
                    panel = factory.createUIElement(url, props(Frame=frame, ParentWindow=frame.ContainerWindow))
                    self.assertEqual(panel.ResourceURL, url, kind)
                    self.assertIsNotNone(panel.getRealInterface(), kind)
                    self.assertGreater(panel.getHeightForWidth(300).Minimum, 0, f"{kind} {name}")
                    self.assertGreater(panel.getMinimalWidth(), 0, f"{kind} {name}")
                    if name == "StatusPanel":
                        self.assertIn(self.expected_about(), texts(panel.createAccessible(None)), kind)
                    panel.dispose()
            finally:
                doc.close(True)

    def test_an_unknown_panel_is_refused_with_a_runtime_exception(self):
        from com.sun.star.uno import RuntimeException
        factory = office.service("org.jixiao.PanelFactory")
        doc = office.new_document("swriter")
        try:
            frame = doc.CurrentController.Frame
            with self.assertRaises(RuntimeException):
                factory.createUIElement("private:resource/toolpanel/org.jixiao.Jixiao.PanelFactory/NoSuchPanel",
                                        props(Frame=frame, ParentWindow=frame.ContainerWindow))
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
