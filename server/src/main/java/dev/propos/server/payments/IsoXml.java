package dev.propos.server.payments;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reading the ISO 20022 messages banks send back (pain.002, camt.053, camt.054) by element name.
 * The names read are the same across the versions banks use, so one reader serves them all,
 * where a generated model would need one class per version. DOCTYPEs are refused: no external
 * entity is read from a file that came from outside.
 */
final class IsoXml {

    private IsoXml() {
    }

    /** The document's root element. */
    static Element root(String xml) {
        return parse(xml).getDocumentElement();
    }

    /** Throws, naming what was expected, unless the root is in {@code namespace}. */
    static void requireNamespace(Element root, Pattern namespace, String expected) {
        if (!namespace.matcher(String.valueOf(root.getNamespaceURI())).matches()) {
            throw new BankFileException("not " + expected + ": the document's namespace is " + root.getNamespaceURI());
        }
    }

    static Element required(Element parent, String name) {
        Element child = child(parent, name);
        if (child == null) {
            throw new BankFileException(parent.getLocalName() + " has no " + name);
        }
        return child;
    }

    /** The text of the child {@code name}, or null when there is none. */
    static String optionalText(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : text(child);
    }

    static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** An element's text, trimmed; an empty element is an error. */
    static String text(Element element) {
        String text = element.getTextContent().trim();
        if (text.isEmpty()) {
            throw new BankFileException(element.getLocalName() + " is empty");
        }
        return text;
    }

    /** The reasons under {@code parent}: StsRsnInf in a status report, RtrInf in a statement. */
    static List<StatusReason> reasons(Element parent, String name) {
        List<StatusReason> reasons = new ArrayList<>();
        for (Element info : children(parent, name)) {
            Element reason = child(info, "Rsn");
            String code = reason == null ? null
                    : optionalText(reason, "Cd") != null ? optionalText(reason, "Cd") : optionalText(reason, "Prtry");
            String words = String.join(" ", children(info, "AddtlInf").stream().map(e -> e.getTextContent().trim()).toList());
            reasons.add(new StatusReason(code, words.isBlank() ? null : words));
        }
        return List.copyOf(reasons);
    }

    private static org.w3c.dom.Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new BankFileException("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new BankFileException(e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
