package id.go.kecamatan.shared.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.stereotype.Component;

/**
 * The event publication registry records a publication when it is published and when its listener
 * completed (or failed), not in between: the repository's "processing" mark is left out. Spring
 * Modulith marks a publication PROCESSING just before its listener runs, in a transaction of its
 * own outside the listener's, so every publication cost three transactions; the mark serves only
 * its staleness monitor for processing publications ({@code
 * spring.modulith.events.staleness.processing}), which this system does not use. A publication is
 * incomplete from its publication to its completion either way, which is what the resubmission
 * ({@link EventPublicationResubmission}) reads; a resubmitted one stays RESUBMITTED while its
 * listener runs, and is marked failed by the staleness of resubmissions should its node die (ADR
 * 0038).
 */
@Component
class EventPublicationMarks implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof EventPublicationRepository repository
        && !(Proxy.isProxyClass(bean.getClass())
            && Proxy.getInvocationHandler(bean) instanceof WithoutProcessingMark)) {
      return withoutProcessingMark(repository);
    }
    return bean;
  }

  /** The repository, its {@code markProcessing} doing nothing. */
  static EventPublicationRepository withoutProcessingMark(EventPublicationRepository repository) {
    return (EventPublicationRepository)
        Proxy.newProxyInstance(
            EventPublicationRepository.class.getClassLoader(),
            new Class<?>[] {EventPublicationRepository.class},
            new WithoutProcessingMark(repository));
  }

  private record WithoutProcessingMark(EventPublicationRepository repository)
      implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("markProcessing") && method.getReturnType() == void.class) {
        return null;
      }
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "without processing mark: " + repository;
        };
      }
      try {
        return method.invoke(repository, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
