package dev.smtpmock.spring;

import dev.smtpmock.SmtpMockServer;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.beans.factory.annotation.ParameterResolutionDelegate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Resolves {@code SmtpMockServer} parameters of the test and lifecycle methods of an {@link
 * EnableSmtpMock} test to the context's server. Where Spring's own {@code SpringExtension} would
 * resolve the parameter as a bean ({@code @Autowired}, {@code @Qualifier}, {@code @Value}), it is
 * left to it: two resolvers of one parameter are an error in JUnit.
 */
final class SmtpMockParameterResolver implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SmtpMockServer.class
        && parameter.getDeclaringExecutable() instanceof Method
        && !ParameterResolutionDelegate.isAutowirable(
            parameter.getParameter(), parameter.getIndex());
  }

  @Override
  public SmtpMockServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return SpringExtension.getApplicationContext(context)
        .getBean(SmtpMockContextCustomizer.BEAN_NAME, SmtpMockServer.class);
  }
}
