package org.visionzero.ops.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;
import org.visionzero.text.SafeText;

/**
 * {@code %safeEx} in logback.xml: a logged exception's stack trace, one line per frame as usual, with each
 * message (of the exception, its causes and suppressed ones) shown as one line ({@link SafeText#terminal}): what a
 * message quotes from the log can neither fake a line of the log nor rewrite the terminal.
 */
public final class SafeThrowableConverter extends ThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return super.throwableProxyToString(new ShownMessages(proxy));
  }

  /** The same exception, its messages escaped. */
  private record ShownMessages(IThrowableProxy proxy) implements IThrowableProxy {

    private static IThrowableProxy of(IThrowableProxy proxy) {
      return proxy == null ? null : new ShownMessages(proxy);
    }

    @Override
    public String getMessage() {
      return proxy.getMessage() == null ? null : SafeText.terminal(proxy.getMessage());
    }

    @Override
    public String getClassName() {
      return proxy.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return proxy.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return proxy.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return of(proxy.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] suppressed = proxy.getSuppressed();
      return suppressed == null ? null : Arrays.stream(suppressed).map(ShownMessages::of)
          .toArray(IThrowableProxy[]::new);
    }

    @Override
    public boolean isCyclic() {
      return proxy.isCyclic();
    }
  }
}
