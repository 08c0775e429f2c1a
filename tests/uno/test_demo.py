"""The README's main job, headless: the demo builds the sample report as .odt and .pdf with the total, the grade
and the cost-benefit figures in it."""
import os
import subprocess
import sys
import unittest

from office import SOURCE_DIR, scratch_dir


class HeadlessDemoTest(unittest.TestCase):
    def test_demo_writes_the_sample_report(self):
        out = scratch_dir("jixiao-demo-")
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        run = subprocess.run([sys.executable, os.path.join(SOURCE_DIR, "tools", "demo.py"), "--headless", "--out", out],
                             capture_output=True, text=True, timeout=240, env=env)
        self.assertEqual(run.returncode, 0, run.stderr[-2000:])
        self.assertIn("validation:", run.stdout)
        pdf = os.path.join(out, "sample-report.pdf")
        self.assertTrue(os.path.getsize(os.path.join(out, "sample-report.odt")) > 0)
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
        compact = "".join(text.split())
        for expected in ("总得分97分", "优秀", "1.99万元", "99.5%", "36.18%", "56.78%", "7.04%", "合计"):
            self.assertIn(expected, compact)


if __name__ == "__main__":
    unittest.main()
