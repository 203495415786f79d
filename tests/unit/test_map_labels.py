"""Map labels: rendered with the bundled fonts, and never overlapping at the initial zoom."""
import base64
import io

import pytest
from PIL import Image

from ui import map_labels
from ui.map_labels import ATLAS_URL, atlas, label_icon, non_overlapping, pack


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


def test_pack_gives_every_label_a_rectangle_inside_the_atlas_and_none_overlap():
    sizes = {f"label {i}": (37 + 53 * (i % 7), 20 + i % 5) for i in range(60)}
    mapping, height = pack(sizes, width=400, gap=2)
    assert set(mapping) == set(sizes)
    boxes = list(mapping.values())
    for key, box in mapping.items():
        assert (box["width"], box["height"]) == sizes[key]
        assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 400 and box["y"] + box["height"] <= height
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                    or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
    assert pack(dict(reversed(list(sizes.items()))), width=400, gap=2) == (mapping, height)  # order-free


def test_pack_refuses_a_label_wider_than_the_atlas():
    with pytest.raises(ValueError, match="wider"):
        pack({"x": (500, 10)}, width=400)


def test_atlas_file_holds_each_label_where_its_mapping_says(tmp_path):
    texts = ("באר שבע", "رهط", "Eilat", "תל שבע")
    url, mapping = atlas(texts, directory=tmp_path)
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and url == f"{ATLAS_URL}/{files[0].name}"
    image = Image.open(files[0])
    assert set(mapping) == set(texts)
    for text, box in mapping.items():
        assert box["x"] + box["width"] <= image.width and box["y"] + box["height"] <= image.height
        assert (box["width"], box["height"]) == (label_icon(text)["width"], label_icon(text)["height"])
        assert box["anchorY"] == box["height"] // 2 and box["mask"] is False
        crop = image.crop((box["x"], box["y"], box["x"] + box["width"], box["y"] + box["height"]))
        assert crop.tobytes() == _image(label_icon(text)).convert("RGBA").tobytes(), text  # the same pixels
    assert atlas(tuple(reversed(texts)), directory=tmp_path)[0] == url  # same labels, same file
    assert len(list(tmp_path.iterdir())) == 1


def test_atlas_falls_back_to_a_data_url_where_static_is_not_writable(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    url, mapping = atlas(("ערד",), directory=blocked / "map_labels")
    assert url.startswith("data:image/png;base64,") and set(mapping) == {"ערד"}


def test_atlas_takes_a_label_wider_than_its_usual_width(tmp_path):
    long_name = "מועצה אזורית " * 8
    _, mapping = atlas((long_name.strip(), "ערד"), directory=tmp_path)
    image = Image.open(next(tmp_path.iterdir()))
    assert image.width >= mapping[long_name.strip()]["width"] > 1024


def test_atlas_files_are_bounded_then_the_image_travels_inline(tmp_path):
    """Label sets that follow a visitor's choices must not fill the disk: past the cap, no new file."""
    for i in range(3):
        (tmp_path / f"old{i}.png").write_bytes(b"x")
    assert not map_labels._write_once(tmp_path, "new.png", b"png", max_files=3)
    assert not (tmp_path / "new.png").exists()
    assert map_labels._write_once(tmp_path, "old0.png", b"x", max_files=3)  # one already there is served
