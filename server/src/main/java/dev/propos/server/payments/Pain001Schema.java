package dev.propos.server.payments;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official ISO 20022 schema of pain.001.001.09 (src/main/resources/iso20022), checked against
 * every file before it is recorded: a file the bank would refuse never reaches the outbox.
 */
final class Pain001Schema {

    static final String RESOURCE = "/iso20022/pain.001.001.09.xsd";
    private static final Schema SCHEMA = load();

    private Pain001Schema() {
    }

    /** Every way {@code xml} breaks the schema, with its line and column; empty when it is valid. */
    static List<String> violations(String xml) {
        List<String> violations = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    violations.add(describe(e));
                }

                @Override
                public void fatalError(SAXParseException e) {
                    violations.add(describe(e));
                }
            });
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            // Reported to the error handler already, unless the XML was not well-formed at all.
            if (violations.isEmpty()) {
                violations.add(describe(e));
            }
        } catch (SAXException | IOException e) {
            violations.add(e.getMessage());
        }
        return violations;
    }

    private static String describe(SAXParseException e) {
        return "line " + e.getLineNumber() + " column " + e.getColumnNumber() + ": " + e.getMessage();
    }

    private static Schema load() {
        URL xsd = Pain001Schema.class.getResource(RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot read the pain.001 schema " + RESOURCE, e);
        }
    }
}
