package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.scenario.Scenario;
import dev.smtpmock.testing.SmtpDialogue;
import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web page in headless Chromium: it lists what arrived, opens a message, refreshes itself. */
class WebPageTest {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  // with "&" and "%", which a URL fragment would have percent-encoded: pasted as is, it works too
  private static final String TOKEN = "page&tok%en";
  private static final String SCENARIO =
      """
      scenario: page
      rules:
        - name: no-mallory
          when: rcpt
          match: mallory@
          reply: 550 5.1.1 No such user
      """;

  @TempDir Path profile;
  private AdminClient admin;
  private WebDriver driver;

  @BeforeEach
  void start() {
    Tools.require(CHROMIUM, CHROMEDRIVER);
    admin = new AdminClient(SCENARIO, TOKEN);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            // an explicit driver keeps Selenium Manager from trying to download one
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1400",
        "--user-data-dir=" + profile,
        // without it Chromium still looks up Google's hosts
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");
    driver = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (admin != null) {
      admin.close();
    }
  }

  @Test
  void listsAMessageSentJustBeforeOpensItAndHighlightsTheFiredRule() throws IOException {
    Mails.send(
        admin.smtpPort(),
        "alice@a.test",
        List.of("bob@b.test", "mallory@m.test"),
        "Quarterly report",
        "Numbers are up.");

    driver.get(admin.base() + "/#token=" + TOKEN);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    WebElement item =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li.message")));
    assertThat(item.getText()).contains("Quarterly report", "alice@a.test", "bob@b.test");
    assertThat(driver.findElement(By.id("scenario")).getText()).isEqualTo("page");

    item.click();
    wait.until(ExpectedConditions.textToBe(By.id("message-subject"), "Quarterly report"));
    assertThat(driver.findElement(By.id("headers")).getText())
        .contains("Subject", "Quarterly report");
    assertThat(driver.findElement(By.id("body")).getText()).isEqualTo("Numbers are up.");
    WebElement fired = driver.findElement(By.cssSelector("#transcript .line.rule"));
    assertThat(fired.getText()).contains("550 5.1.1 No such user", "rule no-mallory");
    assertThat(driver.findElement(By.id("banner")).isDisplayed()).isFalse();

    screenshot("web-page.png");
  }

  @Test
  void showsMailThatArrivesWhileItIsOpen() {
    driver.get(admin.base() + "/#token=" + TOKEN);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-messages")));

    Mails.send(admin.smtpPort(), "carol@c.test", List.of("dave@d.test"), "Late", "x");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Late"));
    driver.findElement(By.cssSelector("#sessions li.session")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "QUIT"));
  }

  @Test
  void showsEachRecipientsReplyOfAnLmtpMessage() {
    admin
        .runner()
        .smtp()
        .scenario(
            Scenario.parse(
                "server: {protocol: lmtp}\n"
                    + "rules: [{when: delivery, match: full@, reply: '552 5.2.2 <{recipient}> Quota"
                    + " exceeded (mailbox for user is full)'}]\n",
                "lmtp.yaml"));
    try (SmtpDialogue lmtp = SmtpDialogue.connect(admin.smtpPort())) {
      lmtp.expectCode(220);
      lmtp.send("LHLO mta.test").expectCode(250);
      lmtp.send("MAIL FROM:<app@a.test>").expectCode(250);
      lmtp.send("RCPT TO:<bob@b.test>").expectCode(250);
      lmtp.send("RCPT TO:<full@b.test>").expectCode(250);
      lmtp.send("DATA").expectCode(354);
      lmtp.sendRaw("Subject: Two mailboxes\r\n\r\nx\r\n.\r\n").expectCode(250).expectCode(552);
    }

    driver.get(admin.base() + "/#token=" + TOKEN);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages li.message")))
        .click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recipients")));
    assertThat(driver.findElements(By.cssSelector("#recipients tr.recipient")))
        .extracting(WebElement::getText)
        .satisfiesExactly(
            bob -> assertThat(bob).contains("bob@b.test", "accepted", "Saved"),
            full -> assertThat(full).contains("full@b.test", "rejected", "552 5.2.2"));
  }

  @Test
  void takesAPercentEncodedTokenToo() {
    driver.get(admin.base() + "/#token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8));
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-messages")));
    assertThat(driver.findElement(By.id("banner")).isDisplayed()).isFalse();
  }

  @Test
  void saysWhatIsWrongWithoutTheToken() {
    driver.get(admin.base() + "/");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
    assertThat(driver.findElement(By.id("banner")).getText()).contains("unauthorized", "#token=");
  }

  private void screenshot(String name) throws IOException {
    Path target = Path.of(System.getProperty("smtpmock.buildDirectory", "target"));
    Files.createDirectories(target);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
