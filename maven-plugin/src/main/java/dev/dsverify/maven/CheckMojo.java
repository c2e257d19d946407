package dev.dsverify.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Model-checks the project's TLA+ specs. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {
    @Parameter(property = "dsverify.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() {
        getLog().info("skip=" + skip);
    }
}
