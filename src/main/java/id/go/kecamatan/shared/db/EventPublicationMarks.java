package id.go.kecamatan.shared.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.UUID;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * The event publication registry records a publication when it is published and when its listener
 * completed (or failed), not in between, and a listener's completion in the listener's own
 * transaction.
 *
 * <ul>
 *   <li>The repository's "processing" mark is left out (ADR 0038). Spring Modulith marks a
 *       publication PROCESSING just before its listener runs, in a transaction of its own outside
 *       the listener's; the mark serves only its staleness monitor for processing publications
 *       ({@code spring.modulith.events.staleness.processing}), which this system does not use. A
 *       publication is incomplete from its publication to its completion either way, which is what
 *       the resubmission ({@link EventPublicationResubmission}) reads; a resubmitted one stays
 *       RESUBMITTED while its listener runs, and is marked failed by the staleness of resubmissions
 *       should its node die.
 *   <li>The completion is written by {@link ListenerCompletion} just before the listener's
 *       transaction commits, in that transaction, instead of in one of its own after it (ADR 0041):
 *       the call that told of the processing names the publication whose listener's transaction
 *       begins next on the thread; the completion Spring Modulith asks for after the commit is then
 *       already written, and is not written again.
 * </ul>
 */
@Component
class EventPublicationMarks implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof EventPublicationRepository repository
        && !(Proxy.isProxyClass(bean.getClass())
            && Proxy.getInvocationHandler(bean) instanceof Marks)) {
      return withMarks(repository);
    }
    return bean;
  }

  /**
   * The repository, its {@code markProcessing} doing nothing but name the publication whose
   * listener runs next, its completion of a publication already completed in its listener's
   * transaction doing nothing.
   */
  static EventPublicationRepository withMarks(EventPublicationRepository repository) {
    return (EventPublicationRepository)
        Proxy.newProxyInstance(
            EventPublicationRepository.class.getClassLoader(),
            new Class<?>[] {EventPublicationRepository.class},
            new Marks(repository));
  }

  private record Marks(EventPublicationRepository repository) implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "with the listeners' completions in their transactions: " + repository;
        };
      }
      if (method.getReturnType() == void.class) {
        switch (method.getName()) {
          case "markProcessing" -> {
            if (args.length == 1 && args[0] instanceof UUID id) {
              ListenerCompletion.starting(id);
            }
            return null;
          }
          case "markCompleted" -> {
            UUID id =
                args[0] instanceof TargetEventPublication publication
                    ? publication.getIdentifier()
                    : args[0] instanceof UUID uuid ? uuid : null;
            if (ListenerCompletion.alreadyCompleted(id)) {
              return null;
            }
          }
          case "markFailed" -> ListenerCompletion.clear();
          default -> {
            // as the repository does it
          }
        }
      }
      try {
        return method.invoke(repository, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
