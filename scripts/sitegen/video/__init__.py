"""The video maker: storyboards, captions, and the videos made from them (run on demand, not by the build)."""
