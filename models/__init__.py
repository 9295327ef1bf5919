"""Everything LBN Quartermaster knows and does, without Qt."""
