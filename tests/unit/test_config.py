"""The production settings in .streamlit/config.toml, as Streamlit itself reads them."""
import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"


def test_public_hosting_settings():
    settings = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert settings["server"]["headless"] is True
    assert settings["server"]["enableXsrfProtection"] is True
    assert settings["server"]["maxUploadSize"] == 10
    assert settings["browser"]["gatherUsageStats"] is False
    assert settings["client"]["showErrorDetails"] == "none"
    assert settings["server"]["enableStaticServing"] is True  # fonts and icon from our own origin
    assert settings["runner"]["postScriptGC"] is False  # a full collection per run: most of the CPU under load


def test_streamlit_reads_them():
    from streamlit import config

    config.get_config_options(force_reparse=True, options_from_flags={})
    assert config.get_option("server.enableXsrfProtection") is True
    assert config.get_option("server.maxUploadSize") == 10
    assert config.get_option("client.showErrorDetails") == "none"
    assert config.get_option("browser.gatherUsageStats") is False
    assert config.get_option("runner.postScriptGC") is False


def test_no_font_or_style_from_another_origin():
    text = CONFIG.read_text(encoding="utf-8")
    assert "http://" not in text and "https://" not in text
