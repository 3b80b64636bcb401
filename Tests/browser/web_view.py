"""The web view of `quorum serve` in headless Chromium, driven through WebDriver (selenium), as the office uses it.

Run by Tests/QuorumCLITests/WebViewBrowserTests.swift, which starts the server with its users and brings the
instance to step 3 through the API. Two clerks enter step 3 twice, first disagreeing and then agreeing, the chair
advances, the minutes are downloaded, and a viewer cannot record, even with a form made by hand.

Usage: web_view.py BASE_URL INSTANCE SAMPLES_FOLDER DOWNLOAD_FOLDER (passwords in QUORUM_TEST_PASSWORDS, id=password;…)
"""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

base, instance, samples, downloads = sys.argv[1:5]
passwords = dict(pair.split("=", 1) for pair in os.environ["QUORUM_TEST_PASSWORDS"].split(";"))


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("QUORUM_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=vi"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service(os.environ.get("QUORUM_CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)


def sign_in(user):
    driver = browser()
    driver.get(base + "/")
    assert driver.current_url.endswith("/login"), driver.current_url
    driver.find_element(By.ID, "user").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(passwords[user])
    submit(driver, "sign-in")
    assert user in text(driver, "signed-in"), driver.page_source
    return driver


def submit(driver, button_id):
    """Clicks a form's button and waits for the page the server answers with."""
    button = driver.find_element(By.ID, button_id)
    button.click()
    WebDriverWait(driver, 30).until(lambda _: gone(button))


def gone(element):
    """Whether the page that held element has been replaced. Chromium reports an element of a page being replaced
    either as stale or, in the moment between the two pages, as a node that "does not belong to the document"."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


def text(driver, element_id):
    found = driver.find_elements(By.ID, element_id)
    return found[0].text if found else ""


def enter(driver, entry, results):
    driver.get(f"{base}/instances/{instance}")
    Select(driver.find_element(By.ID, "entry")).select_by_value(str(entry))
    area = driver.find_element(By.ID, "results")
    area.clear()
    # Typed as a clerk types it; the value is set whole so that the browser adds no indentation of its own.
    driver.execute_script("arguments[0].value = arguments[1];", area, results)
    submit(driver, "record")


def sample(name):
    with open(os.path.join(samples, name), encoding="utf-8") as file:
        return file.read()


first, agreeing = sample("buoc-3.yaml"), sample("buoc-3.entry-2.yaml")
disagreeing = agreeing.replace("Mạc Thị Hương: 12", "Mạc Thị Hương: 9")
assert disagreeing != agreeing

clerk, second, chair, viewer = sign_in("thu.ky"), sign_in("thu.ky.hai"), sign_in("chu.toa"), sign_in("xem")

# A wrong password is refused on the sign-in page, in Vietnamese.
stranger = browser()
stranger.get(base + "/login")
stranger.find_element(By.ID, "user").send_keys("thu.ky")
stranger.find_element(By.ID, "password").send_keys("khong-dung-mat-khau")
submit(stranger, "sign-in")
assert "sai tên người dùng hoặc mật khẩu" in text(stranger, "problem"), stranger.page_source
stranger.quit()

# The list shows the instance at step 3, blocked until its results are entered.
assert instance in text(clerk, "instances") and "buoc-3" in text(clerk, "instances"), clerk.page_source
enter(clerk, 1, first)
assert "đã ghi lần nhập 1 của kết quả của bước 'buoc-3'" in text(clerk, "notice"), clerk.page_source
# The second clerk may make only the second entry.
second.get(f"{base}/instances/{instance}")
assert [option.get_attribute("value") for option in Select(second.find_element(By.ID, "entry")).options] == ["2"]
enter(second, 2, disagreeing)
assert "đã ghi lần nhập 2" in text(second, "notice"), second.page_source

# The chair cannot advance while the entries disagree: the page says where, and nothing is stored.
chair.get(f"{base}/instances/{instance}")
submit(chair, "advance")
problem = text(chair, "problem")
assert "Mạc Thị Hương" in problem and "lần nhập 1 = 12, lần nhập 2 = 9" in problem, chair.page_source

enter(second, 2, agreeing)
assert "đã ghi lần nhập 2" in text(second, "notice"), second.page_source
chair.get(f"{base}/instances/{instance}")
# Nothing blocks the step now, and the page says so in its own words, without a command to type.
assert "kết quả đã đủ để quyết định bước này" in text(chair, "status"), chair.page_source
assert "quorum " not in text(chair, "status"), text(chair, "status")
submit(chair, "advance")
assert "Bước 3" in text(chair, "notice") and "Mạc Thị Hương: 12/14" in text(chair, "notice"), chair.page_source
assert not text(chair, "problem")

# The minutes of step 3, downloaded from the instance's page.
chair.find_element(By.CSS_SELECTOR, "a[href$='reports?step=buoc-3']").click()
minutes = os.path.join(downloads, f"{instance}-buoc-3.html")
for _ in range(300):
    if os.path.exists(minutes):
        break
    time.sleep(0.1)
with open(minutes, encoding="utf-8") as file:
    record = file.read()
assert "BIÊN BẢN" in record and "Mạc Thị Hương" in record, record[:2000]

# A viewer sees no form, and a form made by hand is refused by the server.
viewer.get(f"{base}/instances/{instance}")
assert not viewer.find_elements(By.ID, "record-form") and not viewer.find_elements(By.ID, "advance")
viewer.execute_script("""
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/instances/' + arguments[0] + '/results';
    for (const [name, value] of [['csrf', document.querySelector('input[name=csrf]').value], ['step', 'buoc-4'], ['results', 'present: 9']]) {
        const input = document.createElement('input');
        input.name = name;
        input.value = value;
        form.appendChild(input);
    }
    document.body.appendChild(form);
    form.submit();
""", instance)
WebDriverWait(viewer, 30).until(lambda driver: driver.find_elements(By.ID, "problem"))
assert "người dùng xem (viewer) không được nhập kết quả" in text(viewer, "problem"), viewer.page_source

# The history, verified, with every change made by the user who made it.
viewer.get(f"{base}/instances/{instance}/history")
verification = text(viewer, "verification")
assert "đã xác minh đủ" in verification and "thu.ky.hai" in verification, viewer.page_source
events = text(viewer, "events")
assert "thu.ky" in events and "chu.toa" in events, events

for driver in (clerk, second, chair, viewer):
    driver.quit()
print("web view: every check passed")
