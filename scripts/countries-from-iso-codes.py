#!/usr/bin/env python3
"""Writes src/NestPortal.Data/ReferenceData/countries.csv from Debian's iso-codes package.

ISO 3166-1 alpha-2 codes with English names (iso_3166-1.json) and German names (its de
translation). The short common names are used where iso-codes has one ("Syrien", not
"Syrien, Arabische Republik"); a few German names follow the usage of German authorities
(Auswärtiges Amt, Destatis), listed in GERMAN below. Run: python3 scripts/countries-from-iso-codes.py
"""
import gettext
import json
import pathlib

GERMAN = {
    "CD": "Kongo, Demokratische Republik",
    "CG": "Kongo, Republik",
    "CV": "Cabo Verde",
    "CX": "Weihnachtsinsel",
    "CC": "Kokosinseln",
    "KY": "Kaimaninseln",
    "BV": "Bouvetinsel",
    "FO": "Färöer",
    "AX": "Ålandinseln",
    "FK": "Falklandinseln",
    "GS": "Südgeorgien und die Südlichen Sandwichinseln",
    "PN": "Pitcairninseln",
    "PS": "Palästinensische Gebiete",
    "SX": "Sint Maarten (niederländischer Teil)",
    "MF": "Saint-Martin (französischer Teil)",
    "UM": "Kleinere Amerikanische Überseeinseln",
    "VA": "Vatikanstadt",
    "FM": "Mikronesien",
}

root = pathlib.Path(__file__).resolve().parent.parent
countries = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8"))["3166-1"]
de = gettext.translation("iso_3166-1", "/usr/share/locale", languages=["de"])
lines = ["code;german;english"]
for c in sorted(countries, key=lambda c: c["alpha_2"]):
    english = c.get("common_name", c["name"])
    german = GERMAN.get(c["alpha_2"], de.gettext(english) if "common_name" in c else de.gettext(c["name"]))
    assert ";" not in german + english
    lines.append(f'{c["alpha_2"]};{german};{english}')
(root / "src/NestPortal.Data/ReferenceData/countries.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
print(len(lines) - 1, "countries")
