from __future__ import annotations

from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from newsfacts.brief import analyst_brief, data_uri, figures_per_day_and_place, pictures
from newsfacts.load.read_only import connect_read_only
from newsfacts.pipeline import RunSummary
from newsfacts.report import run_summary_markdown


@task(name="publish-run-summary", cache_policy=NO_CACHE)
def publish_run_summary(summary: RunSummary, quarantine_rows: list[dict]) -> None:
    """The run summary and the data-quality report, as artifacts on the flow run in the Prefect UI."""
    create_markdown_artifact(key="news-etl-run-summary", markdown=run_summary_markdown(summary), description="newsfacts run summary")
    examples: dict[str, list[str]] = {}
    for row in quarantine_rows:
        examples.setdefault(row["reason"], []).append(row["source_path"])
    create_table_artifact(
        key="news-etl-data-quality",
        table=[
            {"reason": reason, "count": len(paths), "examples": ", ".join(paths[:3])}
            for reason, paths in sorted(examples.items())
        ] or [{"reason": "(none)", "count": 0, "examples": ""}],
        description="Inputs quarantined in this run, by reason",
    )


@task(name="publish-analyst-brief", cache_policy=NO_CACHE)
def publish_analyst_brief(warehouse_dir: str) -> str:
    """The analyst brief of the whole warehouse after this run, as a markdown artifact, and its figures per day
    and per place as table artifacts."""
    with connect_read_only(warehouse_dir) as con:
        per_day, per_place = figures_per_day_and_place(con)
        brief = analyst_brief(con, images={name: data_uri(svg) for name, svg in pictures(con).items()},
                              per_day_and_place=(per_day, per_place))
    create_markdown_artifact(key="news-etl-analyst-brief", markdown=brief,
                             description="Incidents, figures, sources and disagreements; most-quoted statements")
    create_table_artifact(key="news-etl-figures-per-day", table=per_day or [{"day": "(no dated incident)"}],
                          description="Killed and injured per day: best figures of the incidents dated to that day")
    create_table_artifact(key="news-etl-figures-per-place", table=per_place or [{"place": "(no incident)"}],
                          description="Killed and injured in the hardest-hit places: best figures of their incidents")
    return brief
