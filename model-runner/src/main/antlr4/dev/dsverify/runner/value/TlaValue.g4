/*
 * TLA+ values as TLC 2.18 prints them in error traces (message 2217 in -tool mode).
 *
 * This is not the TLA+ expression grammar: TLC prints only fully evaluated values, so there are no
 * operators, quantifiers or infix expressions here. What TLC really prints was checked by running it:
 *   - sets are enumerated, except intervals, which stay as lo..hi (an empty interval prints as {});
 *   - functions with domain 1..n print as sequences, functions whose domain is a set of name-like
 *     strings print as records (field names may then be TRUE, ELSE, DOMAIN, 1a, _x, é ...), every other
 *     function as (k1 :> v1 @@ k2 :> v2);
 *   - the empty function prints as <<>> (or << >> when pretty-printed over several lines);
 *   - strings escape only \" \\ \n \t \r \f; every other character is printed raw;
 *   - long values are wrapped over several lines, so whitespace is insignificant.
 */
grammar TlaValue;

/* A whole input that is exactly one value. */
singleValue
    : value EOF
    ;

/*
 * The variables of a state as TLC prints them after the "N: <Action ...>" line: one "/\ x = v" per
 * variable, or a bare "x = v" when the spec has a single variable.
 */
assignments
    : assignment EOF                       # singleAssignment
    | (CONJ assignment)* EOF               # conjunctionOfAssignments
    ;

assignment
    : name=IDENT EQ value
    ;

value
    : INT                                  # intValue
    | lo=INT DOTDOT hi=INT                 # intervalValue
    | STRING                               # stringValue
    | TRUE                                 # trueValue
    | FALSE                                # falseValue
    | IDENT                                # modelValue
    | LTUPLE (value (COMMA value)*)? RTUPLE   # seqValue
    | LBRACE (value (COMMA value)*)? RBRACE   # setValue
    | LBRACK field (COMMA field)* RBRACK      # recordValue
    | LPAREN mapping (ATAT mapping)* RPAREN   # functionValue
    ;

field
    : fieldName MAPSTO value
    ;

/* A record field is any TLA+ identifier; TLC prints keyword-like names such as TRUE unchanged. */
fieldName
    : IDENT
    | TRUE
    | FALSE
    ;

mapping
    : key=value COLONGT val=value
    ;

CONJ    : '/\\' ;
EQ      : '=' ;
DOTDOT  : '..' ;
LTUPLE  : '<<' ;
RTUPLE  : '>>' ;
LBRACE  : '{' ;
RBRACE  : '}' ;
LBRACK  : '[' ;
RBRACK  : ']' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
COMMA   : ',' ;
MAPSTO  : '|->' ;
COLONGT : ':>' ;
ATAT    : '@@' ;
TRUE    : 'TRUE' ;
FALSE   : 'FALSE' ;

/* A negative number is one token: TLC never prints a binary minus. */
INT     : '-'? [0-9]+ ;

/*
 * Names of model values and record fields. TLC prints a string-keyed function as a record when every key
 * consists of Unicode letters, digits and underscores with at least one letter (so 1a and é are field names,
 * 12 and _ are not); model values are TLA+ identifiers, a subset of that.
 */
IDENT   : [\p{L}\p{Nd}_]* [\p{L}] [\p{L}\p{Nd}_]* ;

/*
 * Any backslash escape is lexed here and checked when the string is decoded, so that an unknown escape
 * is reported at its own position rather than as a lexical error somewhere else. TLC never prints a raw
 * line break inside a string, so a string cut at the end of a line is unterminated.
 */
STRING  : '"' ( '\\' ~[\r\n] | ~[\\"\r\n] )* '"' ;

/* Only ever matches when STRING cannot: lets the parser report "unterminated string" precisely. */
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~[\\"\r\n] )* '\\'? ;

WS      : [ \t\r\n\f]+ -> skip ;

/* Anything else becomes a token the parser rejects with a position, instead of a lexer error. */
UNEXPECTED_CHAR : . ;
