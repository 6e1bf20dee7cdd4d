package cn.ydcx.gateway.crypto;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one Bouncy Castle provider instance, registered with the JCA once. */
public final class Crypto {
    private static final Provider PROVIDER = register();

    private Crypto() {
    }

    public static Provider provider() {
        return PROVIDER;
    }

    private static synchronized Provider register() {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing != null) {
            return existing;
        }
        Provider bc = new BouncyCastleProvider();
        Security.addProvider(bc);
        return bc;
    }
}
