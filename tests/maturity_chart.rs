//! The maturity chart of the HTML report (issue 17): per indicator the level at the
//! baseline and at the end of each year, the target as a dashed line with its year marked,
//! under the coverage per dimension so that coverage does not read as "fully protected".

use crate::support::stdout;

/// The maturity figure of an HTML plan report, `None` when it has none.
fn figure(html: &str) -> Option<&str> {
    let from = html.find("<figure class=\"maturity\">")?;
    let rest = &html[from..];
    Some(&rest[..rest.find("</figure>")? + "</figure>".len()])
}

#[test]
fn the_landkreis_html_shows_its_maturity_beside_the_coverage() {
    let html = stdout(&["plan", "examples/landkreis.yaml", "-f", "html"]);
    let outcome = &html[html
        .find("<section class=\"charts outcome\">")
        .expect("outcome")..];
    let outcome = &outcome[..outcome.find("</section>").expect("its end")];
    let coverage = outcome.find(">Abdeckung je Dimension<").expect("coverage");
    let maturity = outcome.find(">Reifegrad: Ist → Soll<").expect("maturity");
    assert!(coverage < maturity, "the maturity follows the coverage");
    let chart = figure(outcome).expect("the chart in the outcome section");
    assert!(
        chart.contains("role=\"img\" aria-label=\"Reifegrad: Ist → Soll\"")
            && chart.contains("<desc>"),
        "accessible: {chart}"
    );
    insta::assert_snapshot!("maturity_chart_landkreis_de", chart);
}

#[test]
fn a_count_ends_at_its_top_and_a_missed_target_says_so() {
    let html = stdout(&[
        "plan",
        "tests/fixtures/maturity/maturity.yaml",
        "-f",
        "html",
        "--lang",
        "en",
    ]);
    let chart = figure(&html).expect("the chart");
    // WiBA counts 0–19: the axis ends at 19/19, never at a round 20/19.
    assert!(chart.contains(">19/19</text>"), "{chart}");
    assert!(!chart.contains("20/19"), "{chart}");
    // One panel per indicator; the target year is marked once per panel.
    assert_eq!(chart.matches("<title>Target ").count(), 3, "{chart}");
    assert!(
        chart.contains("<title>Target 3 Online-Antrag by 2028</title>"),
        "{chart}"
    );
    assert!(chart.contains(">missed (2 of 3)</text>"), "{chart}");
    assert!(
        chart.contains(
            "<desc>OZG maturity of the county&#39;s services: baseline 1; 2027: 2; 2028: 2; 2029: 3; \
             2030: 3; target 3 by 2028: missed (2 of 3)."
        ),
        "described in words: {chart}"
    );
}

#[test]
fn a_portfolio_without_indicators_has_no_maturity_chart() {
    for file in ["tests/fixtures/ok/minimal.yaml", "examples/land.yaml"] {
        let html = stdout(&["plan", file, "-f", "html"]);
        assert!(figure(&html).is_none(), "{file}");
    }
}
