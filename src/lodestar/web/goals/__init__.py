"""The pages of the goal system: the alignment tree, goal pages, the goal and key result forms."""
