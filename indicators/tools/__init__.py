"""The KMM working tools (local spend and LM3, the leaky bucket, partnerships) and their project file:
pure computation, no Streamlit."""
