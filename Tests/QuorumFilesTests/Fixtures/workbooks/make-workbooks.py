# Writes the workbook fixtures with openpyxl (pip install openpyxl), an independent writer of the .xlsx format:
#   python3 make-workbooks.py
# ho-so.xlsx: a roster as an office keeps it, Vietnamese headers, birth dates as Excel dates, one date typed wrong.
import datetime
import openpyxl

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Sheet1"
sheet.append(["Mã cán bộ", "Họ và tên", "Giới tính", "Ngày sinh", "Trình độ chuyên môn", "Lý luận chính trị", "Xếp loại"])
sheet.append(["cb-0112", "Nguyễn Hữu Phước", "Nam", datetime.date(1978, 5, 12), "Thạc sỹ", "Cao cấp",
              "2018:HTTNV; 2019:Hoàn thành xuất sắc nhiệm vụ; 2020:HTTNV"])
sheet.append(["cb-0131", "Lê Thị Mỹ Dung", "Nữ", datetime.date(1983, 2, 27), "Kỹ sư", "Trung cấp", "2018:HTTNV; 2019:HTTNV; 2020:HTTNV"])
sheet["D3"].number_format = "dd/mm/yyyy"
book.save("ho-so.xlsx")

sheet["D3"] = "31/02/1981"
book.save("ho-so-sai-ngay.xlsx")

# ho-so-cat-ngang.xlsx: ho-so.xlsx with its worksheet cut off after the first person's row, as a file copied
# incompletely might be: the rows before the cut are well formed, the part as a whole is not.
import zipfile
with zipfile.ZipFile("ho-so.xlsx") as whole, zipfile.ZipFile("ho-so-cat-ngang.xlsx", "w", zipfile.ZIP_DEFLATED) as cut:
    for item in whole.infolist():
        data = whole.read(item.filename)
        if item.filename == "xl/worksheets/sheet1.xml":
            data = data[:data.index(b'<row r="3"')]
        cut.writestr(item, data)

# ho-so-libreoffice.xlsx: the same roster saved by LibreOffice Calc from CSV (shared strings, its own date styles):
#   soffice --headless --infilter=CSV:44,34,76,1 --convert-to xlsx ho-so-libreoffice.csv
import os, subprocess, tempfile
folder = tempfile.mkdtemp()
source = os.path.join(folder, "ho-so-libreoffice.csv")
with open(source, "w", encoding="utf-8") as csv:
    csv.write("Mã cán bộ,Họ và tên,Giới tính,Ngày sinh,Trình độ chuyên môn,Lý luận chính trị,Xếp loại\n")
    csv.write('cb-0112,Nguyễn Hữu Phước,Nam,1978-05-12,Thạc sỹ,Cao cấp,"2018:HTTNV; 2019:Hoàn thành xuất sắc nhiệm vụ; 2020:HTTNV"\n')
    csv.write("cb-0131,Lê Thị Mỹ Dung,Nữ,1983-02-27,Kỹ sư,Trung cấp,2018:HTTNV; 2019:HTTNV; 2020:HTTNV\n")
subprocess.run(["soffice", "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", ".", source], check=True)
