"""The review page's list of incidents, without a browser: it pages through every incident the filters keep."""

from __future__ import annotations

import pytest

from conftest import query

pytestmark = pytest.mark.slow  # reads the seeds warehouse, made by a flow run


def test_the_list_pages_through_every_incident_the_filters_keep(seeds_warehouse, monkeypatch):
    import warnings

    from newsfacts.review import app as review

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette asks for httpx2, which is not installed
        from starlette.testclient import TestClient

    warehouse = seeds_warehouse[0]
    monkeypatch.setattr(review, "PAGE_SIZE", 2)
    client = TestClient(review.create_app(str(warehouse)))
    every = {c for (c,) in query(warehouse, "SELECT cluster_id FROM event_clusters")}
    seen, address = [], "/"
    while address:
        html = client.get(address).text
        seen += [line.split('href="/incidents/')[1].split('"')[0] for line in html.splitlines() if 'class="open"' in line]
        address = html.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&") if 'rel="next"' in html else None
    assert len(seen) == len(every) > 2 and set(seen) == every  # each incident once, over several pages
    in_kharkiv = query(warehouse, "SELECT count(*) FROM event_clusters WHERE location ILIKE '%Kharkiv%'")[0][0]
    assert f"of {in_kharkiv}." in client.get("/?place=Kharkiv&page=1").text
    assert client.get("/?page=x").status_code == 400
