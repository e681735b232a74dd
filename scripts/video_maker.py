"""Command: make our own videos from their storyboards (data/videos/). The code is in
scripts/sitegen/video/; see its video_maker.py for the commands, e.g.

    python scripts/video_maker.py build --only m-paspor --lang en
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitegen.video import video_maker  # noqa: E402

if __name__ == "__main__":
    sys.exit(video_maker.main())
