package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Recipient;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP through Spring's {@link JavaMailSender}: host, port, TLS and credentials are
 * {@code spring.mail.*}. Plain-text UTF-8 mail from {@code layanan.notifications.email.from}. An
 * address the server refuses fails at once; a server that cannot be reached is tried again.
 */
class SmtpGateway implements MessageGateway {

  private final JavaMailSender mail;
  private final String from;

  SmtpGateway(JavaMailSender mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public Via via() {
    return Via.SMTP;
  }

  @Override
  public void send(Recipient to, String subject, String text) throws DeliveryException {
    MimeMessage message = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to.address());
      helper.setSubject(subject == null ? "" : subject);
      helper.setText(text, false);
    } catch (MessagingException e) {
      throw new DeliveryException("SMTP: " + Errors.clean(e.getMessage()), true);
    }
    try {
      mail.send(message);
    } catch (MailParseException | MailPreparationException e) {
      throw new DeliveryException("SMTP: " + Errors.clean(e.getMessage()), true);
    } catch (MailAuthenticationException e) {
      throw new DeliveryException("SMTP authentication failed", false);
    } catch (MailSendException e) {
      throw new DeliveryException("SMTP: " + Errors.clean(e.getMessage()), refusedAddress(e));
    } catch (MailException e) {
      throw new DeliveryException("SMTP: " + Errors.clean(e.getMessage()), false);
    }
  }

  /** The server refused the recipient's address itself (5xx to RCPT TO): no use trying again. */
  private static boolean refusedAddress(MailSendException e) {
    for (Exception failure : e.getFailedMessages().values()) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof SendFailedException sent
            && sent.getInvalidAddresses() != null
            && sent.getInvalidAddresses().length > 0) {
          return true;
        }
      }
    }
    return false;
  }
}
