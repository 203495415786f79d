"""Files that carry the dashboard's figures out of the app: CSV, Excel, chart images, the PDF town
profile, the slide pack and the open-data bundle. No Streamlit here: pages pass in what to write."""
