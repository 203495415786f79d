"""Indicator registry, data store and pure computations for the KMM Negev dashboard.

Nothing in this package imports streamlit: pages render what it returns.
"""
