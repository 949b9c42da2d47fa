package id.go.kecamatan.notifications.internal;

import id.go.kecamatan.notifications.Recipient;

/**
 * For a channel with no gateway configured (the demo): the message counts as delivered to the
 * message log, where the office administrator reads its full text, so the demo shows what a
 * resident would receive; never that of a portal sign-in message (see {@link MessageLog}: the demo
 * shows those codes on a page of its own). Nothing leaves the system.
 */
class LogGateway implements MessageGateway {

  @Override
  public Via via() {
    return Via.LOG;
  }

  @Override
  public void send(Recipient to, String subject, String text) {
    // the stored message is the log entry: the delivery marks it SENT via LOG
  }
}
