"""Exports for a CoC's own LMS (make lms): SCORM 1.2 packages and question banks as GIFT, Moodle
XML and QTI 2.1. Every import from the rest of macros/ goes through sources.py."""
