"""The KMM working tools (local spend / LM3, the leaky bucket, partnerships) and their project file.
Pure Python: pages render them, nothing here imports streamlit."""
