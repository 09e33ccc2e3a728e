import json
import subprocess
import sys

from dieuhanh.extraction.cli import main

CONCLUSION = "Số: 3/TB-SKHCN\nBến Tre, ngày 4 tháng 5 năm 2023\n\nTHÔNG BÁO\nKết luận giao ban\n\n1. Đối với Văn phòng Sở\n- Trình quy chế trước ngày 20/5/2023 theo Công văn số 10/UBND-VX ngày 2/5/2023.\n"


def test_json_output_follows_the_scorers_contract(tmp_path, capsys):
    path = tmp_path / "tb.txt"
    path.write_text(CONCLUSION, encoding="utf-8")
    assert main([str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["document"]["kind"] == "TB"
    assert data["document"]["date"] == "2023-05-04"
    (task,) = data["tasks"]
    assert task["units"] == ["Văn phòng Sở"]
    assert task["deadline"] == "2023-05-20"
    assert data["references"][0]["number"] == "10/UBND-VX"
    assert data["references"][0]["date"] == "2023-05-02"


def test_human_output_is_vietnamese(tmp_path, capsys):
    path = tmp_path / "tb.txt"
    path.write_text(CONCLUSION, encoding="utf-8")
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "Nhiệm vụ đề xuất: 1" in out
    assert "Hạn: 20/05/2023" in out


def test_unreadable_file_exits_2_with_a_message_and_no_traceback(tmp_path, capsys):
    path = tmp_path / "hong.pdf"
    path.write_bytes(b"%PDF-1.4 broken")
    assert main([str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ")
    assert "Traceback" not in err


def test_missing_file_exits_2(tmp_path, capsys):
    assert main([str(tmp_path / "khong-co.docx")]) == 2
    assert "Không thấy tệp" in capsys.readouterr().err


def test_a_document_without_tasks_says_what_was_found(tmp_path, capsys):
    path = tmp_path / "cv.txt"
    path.write_text("Số: 5/SKHCN-VP\nV/v mời họp\nKính gửi các phòng.\nMời dự họp lúc 8 giờ.\n", encoding="utf-8")
    assert main([str(path), "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["tasks"] == []
    assert "không tìm thấy nhiệm vụ nào" in captured.err


def test_the_command_runs_without_django(tmp_path):
    path = tmp_path / "tb.txt"
    path.write_text(CONCLUSION, encoding="utf-8")
    code = (
        "import sys; from dieuhanh.cli import main; rc = main(['extract', sys.argv[1], '--json']); "
        "assert 'django' not in sys.modules, 'django imported'; sys.exit(rc)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
