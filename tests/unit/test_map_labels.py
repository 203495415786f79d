"""Map labels: rendered with the bundled fonts, and never overlapping at the initial zoom."""
import base64
import io

from PIL import Image

from ui.map_labels import label_icon, non_overlapping


def _image(icon):
    return Image.open(io.BytesIO(base64.b64decode(icon["url"].split(",", 1)[1])))


def test_hebrew_and_arabic_labels_render_as_images_with_ink():
    for text in ("באר שבע", "رهط", "Eilat"):
        icon = label_icon(text)
        image = _image(icon)
        assert image.size == (icon["width"], icon["height"])
        assert image.getchannel("A").getbbox() is not None, text


def test_arabic_is_shaped_not_drawn_as_isolated_letters():
    # Joined letters make a narrower word than the same letters drawn apart.
    assert label_icon("رهط")["width"] < label_icon("ر ه ط")["width"]


def test_overlapping_labels_keep_the_first_in_priority():
    icon = label_icon("תל שבע")
    labels = [{"position": [34.80, 31.25], "icon": icon, "id": "a"},
              {"position": [34.8001, 31.2501], "icon": icon, "id": "b"},
              {"position": [35.50, 30.00], "icon": icon, "id": "c"}]
    assert [label["id"] for label in non_overlapping(labels, zoom=8)] == ["a", "c"]
