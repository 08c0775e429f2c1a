"""The deck's panel, created the way the sidebar creates it (org.jixiao.PanelFactory with the document's frame
and a parent window), in a headless office: the component loads, the panel builds its controls and disposes
cleanly. Cheap enough for every office of tests/matrix/run.sh, where the UI tests (Xvfb) do not run."""
import unittest

from office import Office, props

office = Office()


def setUpModule():
    office.start()


def tearDownModule():
    office.stop()


class PanelFactoryTest(unittest.TestCase):
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
                panel.dispose()
            finally:
                doc.close(True)

    def test_without_a_parent_window_it_refuses_with_an_illegal_argument(self):
        from com.sun.star.lang import IllegalArgumentException
        factory = office.service("org.jixiao.PanelFactory")
        with self.assertRaises(IllegalArgumentException):
            factory.createUIElement(self.URL, ())


if __name__ == "__main__":
    unittest.main()
