"""Across sources: near-duplicate articles, one statement quoted in many reports, one incident
reported by many outlets. Plain functions; the warehouse build calls them on every rebuild."""
