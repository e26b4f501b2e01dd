"""Placeholder"""
def write_banks(content, config, out_dir):
    return []
