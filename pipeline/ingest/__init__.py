"""Reading news archives: discover input files, read each format, clean text into Articles or Rejected records."""
