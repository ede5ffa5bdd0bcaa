package org.huiqi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A simple input a measure needs that the profile has no field for, declared by staff in a
 * {@code *.inputs.yaml} file beside the rule file. Enterprises answer it under
 * {@code profile.inputs.<id>}; rules read it with {@code $e.input(id)}, {@code $e.inputFlag(id)} or
 * {@code $e.inputIn(id, choices…)}. Everything a field catalog or form needs is here.
 *
 * @param choices the allowed answers of a {@link Type#CHOICE} input; empty otherwise
 * @param perYear a number answered per year ({@code perYear: true}), like the financials: the
 *                answer is {@code {"2024": 1200}} and rules read a year's value with
 *                {@code $e.year(2024).input(id)}
 * @param file    the declaring file, relative to the rules directory
 * @param line    the line of its {@code - id:} entry
 */
public record InputDeclaration(String id, Type type, String unit, String zh, String en, String help,
                               List<String> choices, boolean perYear, String file, int line) {
    public static final String PREFIX = "inputs.";
    /** The catalog's placeholder for the year of a per-year input's path, as for the financials. */
    public static final String YEAR = ".{year}";
    /** The fact reader of a per-year input's value in one year. */
    public static final String PER_YEAR_READER = "FiscalYear.input";

    public enum Type {
        NUMBER("number", "input"), BOOLEAN("boolean", "inputFlag"), CHOICE("choice", "inputIn");

        private final String word;
        private final String reader;

        Type(String word, String reader) {
            this.word = word;
            this.reader = reader;
        }

        /** As written in the declaration file: number, boolean, choice. */
        public String word() {
            return word;
        }

        /** The Enterprise method a rule reads an input of this type with. */
        public String reader() {
            return reader;
        }

        public static Type of(String word) {
            for (Type type : values()) {
                if (type.word.equals(word)) return type;
            }
            return null;
        }
    }

    /** The profile path of this input, as missingFields and problem documents name it. */
    public String field() {
        return PREFIX + id;
    }

    /** The catalog path of this input: per-year inputs end in {@code .{year}}, as the financials. */
    public String catalogPath() {
        return field() + (perYear ? YEAR : "");
    }

    /** How a rule reads this input: {@code $e.input("id")}, or for a per-year one a year's value. */
    public String readerExample() {
        return perYear ? "$e.year(2024).input(\"" + id + "\")" : "$e." + type.reader() + "(\"" + id + "\")";
    }

    /** Why {@code value} is not an answer to this input, or null when it is (null itself means unknown). */
    public String reject(JsonNode value) {
        if (value == null || value.isNull()) return null;
        if (perYear) {
            return value.isObject() ? null : "must be numbers keyed by year, such as {\"2024\": 1200}" + (unit == null ? "" : " (" + unit + ")");
        }
        return switch (type) {
            case NUMBER -> value.isNumber() ? null : "must be a number" + (unit == null ? "" : " (" + unit + ")");
            case BOOLEAN -> value.isBoolean() ? null : "must be true or false";
            case CHOICE -> value.isTextual() && choices.contains(value.asText()) ? null : "must be one of " + choices;
        };
    }
}
