"""The one rule the pickers find names by."""

from __future__ import annotations

from jipp_desktop.core.matching import filter_keys, make_key, normalise

PROVINCES = ["Nusa Tenggara Barat", "Nusa Tenggara Timur", "Sulawesi Tenggara", "Banten"]


def _names(query: str, names: list[str], aliases: dict[str, str] | None = None) -> list[str]:
    keys = [make_key(n, (aliases or {}).get(n, "").split(";")) for n in names]
    return [names[i] for i in filter_keys(query, keys)]


def test_case_accents_and_punctuation_do_not_matter() -> None:
    assert normalise("  Kota BAU-BAU ") == "kota bau bau"
    assert normalise("Sulawési Tengah") == "sulawesi tengah"
    assert _names("sulawesi", ["Sulawési Tengah", "Bali"]) == ["Sulawési Tengah"]
    assert _names("BAU-BAU", ["Kota Baubau", "Kota Bau-Bau"]) == ["Kota Bau-Bau", "Kota Baubau"]


def test_any_part_of_the_name_and_several_words_in_any_order() -> None:
    regencies = ["Kabupaten Manggarai", "Kabupaten Manggarai Barat", "Kota Kupang"]
    assert _names("mangg", regencies) == regencies[:2]
    assert _names("barat mangg", regencies) == ["Kabupaten Manggarai Barat"]
    assert _names("tenggara timur", PROVINCES) == ["Nusa Tenggara Timur"]
    assert _names("papua", regencies) == []


def test_initials_and_aliases_find_the_short_forms() -> None:
    assert _names("ntt", PROVINCES) == ["Nusa Tenggara Timur"]
    assert _names("NTB", PROVINCES) == ["Nusa Tenggara Barat"]
    # An alias is a name too: "kalb" finds Kalimantan Barat through "Kalbar".
    kalimantan = ["Kalimantan Barat", "Kalimantan Timur"]
    assert _names("kalb", kalimantan, {"Kalimantan Barat": "Kalbar"}) == ["Kalimantan Barat"]


def test_best_matches_come_first() -> None:
    # Start of the name, then start of a word, then anywhere; list order within each.
    names = ["Sulawesi Tenggara", "Tenggarong", "Nusa Tenggara Timur", "Banten"]
    assert _names("tengga", names) == ["Tenggarong", "Sulawesi Tenggara", "Nusa Tenggara Timur"]
    # A word start anywhere counts, not only the first place the letters occur.
    assert _names("ba", ["Kota Subang", "Kabupaten Barito"]) == ["Kabupaten Barito", "Kota Subang"]
    assert _names("zzz", names) == []


def test_empty_query_keeps_everything_in_order() -> None:
    assert _names("  ", PROVINCES) == PROVINCES
