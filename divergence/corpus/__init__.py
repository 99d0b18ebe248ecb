"""The stored corpus: the SQLite store and its safety, add, score, review, calibrate, serve."""
