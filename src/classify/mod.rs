//! Classification: metric, status, qualifier, subject.
