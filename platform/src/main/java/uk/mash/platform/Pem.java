package uk.mash.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * PEM text for RSA keys: PKCS#8 private keys, X.509 SubjectPublicKeyInfo public keys. The JDK reads
 * and writes the DER inside; PEM is only its Base64 between two lines, so no library is needed.
 */
public final class Pem {

    public static final String PRIVATE = "PRIVATE KEY";
    public static final String PUBLIC = "PUBLIC KEY";

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public static byte[] decode(String type, String pem) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a PEM " + type + " (expected " + begin + ")");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        byte[] der = decode(PRIVATE, Files.readString(file, StandardCharsets.US_ASCII));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    public static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        byte[] der = decode(PUBLIC, Files.readString(file, StandardCharsets.US_ASCII));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    /** The public half of an RSA private key (PKCS#8 keys made by Java carry the modulus and exponent). */
    public static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey)) {
            throw new GeneralSecurityException("not an RSA CRT private key: cannot derive its public key");
        }
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }
}
