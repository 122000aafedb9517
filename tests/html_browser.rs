//! The HTML report in a real headless browser, when one is installed: a screenshot
//! that is not blank, and a print to PDF on A4 landscape pages.
//! Skips with a message when no Chromium or Chrome is on PATH.

use crate::support::resiplan;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BROWSERS: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

fn browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| BROWSERS.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Runs the browser headless on `page` with `args`; fails the test after 120 s.
fn headless(browser: &Path, profile: &Path, args: &[String], page: &Path) {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("browser starts");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("browser runs") {
            assert!(status.success(), "browser failed: {status}");
            return;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("browser did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(
        bytes.len() > 24 && bytes.starts_with(b"\x89PNG\r\n\x1a\n") && &bytes[12..16] == b"IHDR",
        "not a PNG"
    );
    let number =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (number(16), number(20))
}

fn screenshot(browser: &Path, dir: &Path, page: &Path, name: &str) -> Vec<u8> {
    let png = dir.join(format!("{name}.png"));
    headless(
        browser,
        &dir.join(format!("profile-{name}")),
        &[
            "--window-size=1400,2400".to_owned(),
            format!("--screenshot={}", png.display()),
        ],
        page,
    );
    std::fs::read(&png).expect("screenshot written")
}

#[test]
fn the_html_report_renders_and_prints_in_a_headless_browser() {
    let Some(browser) = browser() else {
        eprintln!(
            "skipped: no headless browser on PATH (looked for {}); `apt-get install chromium` runs this test",
            BROWSERS.join(", ")
        );
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("report.html");
    resiplan()
        .args(["plan", "examples/musterstadt.yaml", "-f", "html", "-o"])
        .arg(&report)
        .assert()
        .success();
    let blank = dir.path().join("blank.html");
    std::fs::write(&blank, "<!DOCTYPE html><html><body></body></html>\n").expect("blank page");

    let shot = screenshot(&browser, dir.path(), &report, "report");
    assert_eq!(png_size(&shot), (1400, 2400), "the window size");
    let empty = screenshot(&browser, dir.path(), &blank, "blank");
    assert_eq!(png_size(&empty), (1400, 2400));
    // A white page compresses to almost nothing; charts, text and tables do not.
    assert!(
        shot.len() > 5 * empty.len() && shot.len() > 50_000,
        "the screenshot looks blank: {} bytes, an empty page {} bytes",
        shot.len(),
        empty.len()
    );

    let pdf = dir.path().join("report.pdf");
    headless(
        &browser,
        &dir.path().join("profile-pdf"),
        &[
            "--no-pdf-header-footer".to_owned(),
            format!("--print-to-pdf={}", pdf.display()),
        ],
        &report,
    );
    let pdf = std::fs::read(&pdf).expect("PDF written");
    assert!(pdf.starts_with(b"%PDF"));
    let text = String::from_utf8_lossy(&pdf);
    let pages: Vec<&str> = text
        .match_indices("/MediaBox [")
        .map(|(i, _)| &text[i..])
        .collect();
    assert!(
        pages.len() >= 3,
        "summary, Gantt chart, tables: {} pages",
        pages.len()
    );
    for page in pages {
        let numbers: Vec<f64> = page["/MediaBox [".len()..]
            .split(']')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        // A4 landscape is 842 × 595 points.
        assert!(
            numbers.len() == 4
                && (numbers[2] - 842.0).abs() < 2.0
                && (numbers[3] - 595.0).abs() < 2.0,
            "a page is not A4 landscape: {numbers:?}"
        );
    }
}

/// The sizes of the pages of a PDF, in points.
fn pdf_pages(pdf: &[u8]) -> Vec<Vec<f64>> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox [")
        .map(|(i, _)| {
            text[i + "/MediaBox [".len()..]
                .split(']')
                .next()
                .unwrap_or_default()
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect()
        })
        .collect()
}

#[test]
fn the_profiles_and_the_decision_paper_print_on_a4_portrait() {
    let Some(browser) = browser() else {
        eprintln!(
            "skipped: no headless browser on PATH (looked for {}); `apt-get install chromium` runs this test",
            BROWSERS.join(", ")
        );
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let file = "examples/musterstadt.yaml";
    let scenario = "examples/scenarios/musterstadt-sparhaushalt.yaml";
    for (name, args, least) in [
        (
            "steckbrief",
            vec!["steckbrief", file, "backup-321", "e-akte", "bia"],
            3,
        ),
        ("vorlage", vec!["vorlage", file, "--scenario", scenario], 2),
    ] {
        let page = dir.path().join(format!("{name}.html"));
        resiplan()
            .args(&args)
            .args(["-f", "html", "-o"])
            .arg(&page)
            .assert()
            .success();
        let shot = screenshot(&browser, dir.path(), &page, name);
        assert!(shot.len() > 30_000, "{name}: the screenshot looks blank");
        let pdf = dir.path().join(format!("{name}.pdf"));
        headless(
            &browser,
            &dir.path().join(format!("profile-{name}-pdf")),
            &[
                "--no-pdf-header-footer".to_owned(),
                format!("--print-to-pdf={}", pdf.display()),
            ],
            &page,
        );
        let pages = pdf_pages(&std::fs::read(&pdf).expect("PDF written"));
        // One profile per page at least; the paper runs over more than one page.
        assert!(pages.len() >= least, "{name}: {} pages", pages.len());
        for numbers in pages {
            // A4 portrait is 595 × 842 points.
            assert!(
                numbers.len() == 4
                    && (numbers[2] - 595.0).abs() < 2.0
                    && (numbers[3] - 842.0).abs() < 2.0,
                "{name}: a page is not A4 portrait: {numbers:?}"
            );
        }
    }
}
