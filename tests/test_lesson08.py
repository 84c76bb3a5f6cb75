"""Lesson 08: the template's report agrees with its printout on three tables; bad tables are
refused; the helpers it needs take any table or say which columns they draw."""

import json

import jupytext
import numpy as np
import pandas as pd
import pytest
from nbclient import NotebookClient
from notebook_outputs import NOTEBOOKS, Every, cell_output, lesson_notebook, read_values

from course_utils import business
from course_utils.datasets import make_later_quarter, make_online_shop_customers
from course_utils.mall import REPLICA_PATH
from course_utils.plots import cluster_scatter_3d, plot_mixture
from course_utils.settings import MALL_FEATURES
from course_utils.style import cluster_scatter

SPENDS, AMI = list(business.SPENDS), ("channel", "region")
#: What the template prints about its report (read_values' patterns; "report" is the JSON)
PRINTED = {
    "features": r"^clustering on: (.*)$",
    "logged": r"^log1p: (.*) \(rule",
    "set_aside": r"^set aside: (\d+) customers",
    "baselines": Every(r"^baseline '(.+)': mean {N} "),
    "k": r"^decision: K = (\d+)$",
    "silhouette": Every(r"^silhouette at K = \d: {N}$"),
    "ari": Every(r"^stability: median ARI {N} "),
}


def agrees(notebook, r, n_rows):
    v = read_values(notebook, PRINTED)
    assert v["features"] == ", ".join(r["features"])
    logged = [c for c, how in r["transforms"].items() if how == "log1p"]
    assert v["logged"] == (", ".join(logged) or "none")
    assert v["set_aside"] == len(r["set_aside"])
    assert dict(v["baselines"]) == r["baselines"]
    assert v["k"] == r["k"] == len(r["sizes"])
    assert sum(r["sizes"].values()) == n_rows - len(r["set_aside"])
    if r["k"] > 1:
        assert (v["silhouette"], v["ari"]) == ([r["silhouette"]], [r["stability_ari"]])


def test_default_table_spends_only_logged_and_segments_follow_the_channel():
    notebook = lesson_notebook("08_your_own_customers")
    shown = cell_output(notebook, "dumps(report, indent")
    r = json.loads(shown[shown.index("{") :])
    agrees(notebook, r, len(business.make_business_customers()))
    patterns = {a: rf"^AMI of the segments with {a}: {{N}}$" for a in AMI}
    ami = read_values(notebook, patterns)
    assert r["features"] == SPENDS and set(r["transforms"].values()) == {"log1p"}
    assert r["k"] == 2 and r["silhouette"] > max(r["baselines"].values())
    assert ami["channel"] > 0.8 and abs(ami["region"]) < 0.05
    # the one-hot pitfall: at one segment more, one-hot clusters follow the region
    table = cell_output(notebook, "with_dummies = np.hstack")
    region = [line.split()[-2:] for line in table.splitlines() if "region" in line]
    assert float(region[-1][0]) > 0.3 > abs(float(region[-1][1]))
    # the data card (file = maker, skewness 3.5-12); lesson 07: shop not skewed (rule: > 1)
    committed = business.BUSINESS_PATH.read_text(encoding="utf-8")
    assert committed == business.business_csv_text()
    skew = business.make_business_customers()[SPENDS].skew()
    assert 3.0 < skew.min() and skew.max() < 12.0
    assert make_online_shop_customers().drop(columns="customer").skew().max() < 1.0


@pytest.mark.slow
@pytest.mark.parametrize("table", ["replica", "real"])
def test_template_runs_on_the_mall_tables(table, tmp_path, monkeypatch, request):
    path = REPLICA_PATH if table == "replica" else request.getfixturevalue("real_csv")
    monkeypatch.setenv("SEGMENT_CSV", str(path))
    monkeypatch.setenv("SEGMENT_OUT", str(tmp_path))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    notebook = jupytext.read(NOTEBOOKS / "08_your_own_customers.py")
    notebook.metadata["kernelspec"] = {"name": "python3", "language": "python"}
    resources = {"metadata": {"path": str(NOTEBOOKS)}}
    NotebookClient(notebook, timeout=300, resources=resources).execute()
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    agrees(notebook, report, 200)
    segments = pd.read_csv(tmp_path / "segments.csv")
    assert list(segments.columns) == ["CustomerID", "segment", "set_aside", "fits_well"]
    assert segments["segment"].value_counts().to_dict() == report["sizes"]
    # the lesson's words: age, income, score; nothing logged or set aside; K = 4
    assert report["features"] == ["Age", *MALL_FEATURES] and report["set_aside"] == []
    assert set(report["transforms"].values()) == {"none"} and report["k"] == 4


def test_helpers_take_any_table_or_say_which_columns_and_refuse_bad_ones(tmp_path):
    for content, words in {
        "": "is empty",
        "a,b\n": "no customers",
        "name\n" + "x\n" * 12: "no numeric column",
        "a\n" + "1\n" * 5: "has 5 rows: segmenting needs at least 10",
        "a,b\n" + "1,2\n" * 11 + "1,\n": "column 'b' of bad.csv has 1 blank cells",
    }.items():
        (tmp_path / "bad.csv").write_text(content)
        with pytest.raises(ValueError, match=words):
            business.load_customer_table(tmp_path / "bad.csv")
    with pytest.raises(FileNotFoundError, match="no customer file at .*nowhere.csv"):
        business.load_customer_table(tmp_path / "nowhere.csv")
    spends = business.make_business_customers()[SPENDS]
    quarter = make_later_quarter(spends, ["fresh", "deli"], shifts={"deli": 500.0})
    assert list(quarter.columns) == ["fresh", "deli"] and (quarter >= 0).all().all()
    assert quarter["fresh"].max() > 100_000  # its own range, not the score's 1-100
    assert abs(quarter["deli"].median() - spends["deli"].median() - 500) < 100
    assert set(quarter.attrs["clipped"]) == {"fresh", "deli"}
    with pytest.raises(ValueError, match="income_shift moves"):
        make_later_quarter(spends, ["fresh"], income_shift=5)
    labels = np.arange(len(spends)) % 3
    for draw in (cluster_scatter, plot_mixture):  # refused before anything is drawn
        with pytest.raises(ValueError, match="X has 6: pass columns"):
            draw(spends, labels)
    ax = cluster_scatter(spends, labels, columns=("fresh", "deli"))
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("fresh", "deli")
    three = ["fresh", "dairy", "deli"]
    ax = cluster_scatter_3d(spends, labels, axis_labels="xyz", title="t", columns=three)
    assert len(ax.get_legend().get_texts()) == 3
