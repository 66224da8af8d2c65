"""The Moodle CSV read by PHP's own fgetcsv, the way Moodle's csv_import_reader reads it.

Skipped where no ``php`` is installed. The PHP below is written for this test from the behaviour
documented in ``generator/export/moodle.py`` (BOM trimmed, CR/CRLF → LF, trimmed, ``fgetcsv`` with
comma and ``"``; the framework row, then competencies attached from the empty parent id).
"""
import json
import shutil
import subprocess

import pytest

from export_testlib import SEED, russian_standard, tree
from generator.export.moodle import moodle_csv
from generator.standard.store import load_standard

PHP_READER = r"""
$content = file_get_contents($argv[1]);
if (substr($content, 0, 3) === "\xEF\xBB\xBF") { $content = substr($content, 3); }
$content = trim(preg_replace('!\r\n?!', "\n", $content));
$fp = fopen('php://temp', 'w+b');
fwrite($fp, $content);
fseek($fp, 0);
$rows = array();
while ($row = fgetcsv($fp, 0, ',', '"')) { $rows[] = $row; }
$header = array_shift($rows);
$flat = array(); $frameworks = 0; $widths = array(); $longest = 0;
foreach ($rows as $row) {
    $widths[count($row)] = true;
    if ($row[12]) { $frameworks++; continue; }
    $flat[$row[1]] = $row;
    $longest = max($longest, preg_match_all('/./us', $row[1]), preg_match_all('/./us', $row[2]));
}
$reached = array();
$add = function ($parent) use (&$add, &$flat, &$reached) {
    foreach ($flat as $idnumber => $row) {
        if ($row[0] == $parent) { $reached[] = (string) $idnumber; $add((string) $idnumber); }
    }
};
$add('');
$nodes = array();
foreach ($flat as $idnumber => $row) { $nodes[(string) $idnumber] = array($row[0], $row[3]); }
echo json_encode(array('header' => $header, 'widths' => array_keys($widths), 'frameworks' => $frameworks,
    'longest' => $longest, 'reached' => $reached, 'nodes' => $nodes));
"""


def php_read(tmp_path, text: str) -> dict:
    php = shutil.which("php")
    if php is None:
        pytest.skip("php is not installed")
    csv_path = tmp_path / "framework.csv"
    csv_path.write_bytes(text.encode("utf-8"))
    script = tmp_path / "reader.php"
    script.write_text("<?php\n" + PHP_READER, "utf-8")
    done = subprocess.run([php, str(script), str(csv_path)], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("make", [lambda: load_standard(SEED), russian_standard], ids=["seed-kk", "hand-made-ru"])
def test_php_fgetcsv_reads_the_same_tree(tmp_path, make):
    standard = make()
    result = php_read(tmp_path, moodle_csv(standard))
    assert len(result["header"]) == 14 and result["widths"] == [14] and result["frameworks"] == 1
    assert result["longest"] <= 100
    nodes = {idn: (parent, text.split("\n\n")[0] if parent == "" else text)
             for idn, (parent, text) in result["nodes"].items()}
    assert nodes == tree(standard)
    assert sorted(result["reached"]) == sorted(nodes)


def test_php_misreads_a_backslash_before_a_quote_which_is_why_it_is_refused(tmp_path):
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Parent ID number", "ID number", *[f"c{i}" for i in range(12)]])
    writer.writerow(["", "X", "", "", "", "", "", "", "", "", "", "", "1", ""])
    writer.writerow(["", "X/1", "n", 'путь C:\\"dir" тест', *[""] * 10])
    result = php_read(tmp_path, buffer.getvalue())
    assert result["nodes"]["X/1"][1] != 'путь C:\\"dir" тест'
