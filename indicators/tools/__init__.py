"""The KMM working tools (local spend and LM3, the leaky bucket, partnerships): pure computation, no Streamlit."""
