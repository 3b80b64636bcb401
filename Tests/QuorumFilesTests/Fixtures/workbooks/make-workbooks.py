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
