/* test-json-cutter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "json-checks.h"
#include "ringside-json-cutter.h"
#include "ringside-json-extra.h"

/* What the agents' list reads (ringside-agent.c). */
static const char * const agent_names[] = {
  "agentId", "agentGroup", "agentGroupId", "groupId", "firstName", "lastName", "username",
  "email", "agentType", "active", "isActive", "externalAgentId", "createdOn", "created", NULL,
};

static const char * const ab_names[] = { "a", "b", NULL };
static const char * const no_names[] = { NULL };

/* An agent as RingCX sends it, with more kinds of values than the demo server's: escapes,
 * UTF-8, numbers of every shape, nested secrets. Secrets at the top carry SECRET, which must
 * reach neither output; nested ones carry NESTED, which reaches only the read members (their
 * model drops them). */
static const char agent_json[] =
  "{\"agentId\":1204518,\"agentGroupId\":33001,"
  "\"agentGroup\":{\"agentGroupId\":33001,\"groupName\":\"Blue \\\"Tier\\\" 1\","
  "\"isDefault\":false,\"accountId\":\"15800000\"},"
  "\"firstName\":\"Zo\xc3\xab\",\"lastName\":\"O\\u2019Brien-N\xc3\xba\xc3\xb1" "ez\","
  "\"username\":\"zoe.obrien@northwind.example\",\"email\":\"zoe.obrien@northwind.example\","
  "\"externalAgentId\":\"NW-204518\",\"agentType\":\"SUPERVISOR\",\"agentRank\":0,"
  "\"isActive\":true,\"createdOn\":\"2023-04-01T09:30:00.000+0000\",\"lastLoginDate\":null,"
  "\"rcUserId\":62845170124,\"userManagedByRC\":true,"
  "\"password\":\"SECRET-pw\",\"phoneLoginPin\":\"SECRET-4821\",\"sipPassword\":\"SECRET-sip\","
  "\"sipSafeUsername\":\"nw1204518\",\"initLoginBaseState\":\"AVAILABLE\","
  "\"initLoginBaseStateId\":11786,\"ghostRnaAction\":\"PENDING\",\"allowInbound\":true,"
  "\"allowOutbound\":false,\"allowBlended\":false,\"allowChat\":true,\"maxChats\":3,"
  "\"allowAutoAnswer\":true,\"defaultAutoAnswerOn\":false,\"allowHold\":true,"
  "\"allowHangup\":true,\"allowTransfer\":true,\"allowManualCalls\":false,"
  "\"allowManualIntlCalls\":false,\"allowOffHook\":true,\"allowCallControl\":true,"
  "\"allowRequeue\":true,\"allowLeadInserts\":true,\"allowLoginUpdates\":true,"
  "\"allowAgentStats\":true,\"allowGateStats\":true,\"showLeadHistory\":true,"
  "\"allowDirectAgentTransfer\":\"ALLOW_DIRECT_TRANSFER_TO_SAME_GROUP\","
  "\"enableSoftphone\":true,\"softphoneId\":404518,\"defaultLoginDest\":\"softphone\","
  "\"altDefaultLoginDest\":\"9195550123\",\"directAgentExtension\":\"\","
  "\"manualOutboundDefaultCallerId\":\"9195550100\",\"location\":\"Montr\\u00e9al \\\\ QC\","
  "\"team\":\"Blue\",\"allowFromIpAddresses\":null,\"multiAccountAgent\":false,"
  "\"transientAgent\":false,\"disableSupervisorMonitoring\":false,\"parentAgentId\":null,"
  "\"regionalSettings\":{\"formattingLocale\":\"en-US\",\"greetingLanguage\":\"en-US\","
  "\"homeCountry\":1,\"homeCountryCode\":\"US\",\"language\":\"en-US\",\"timeFormat\":\"12h\","
  "\"timezone\":6},"
  "\"gateAssignments\":[70001, 70008],\"dialGroupAssignments\":[],"
  "\"chatQueueAssignments\":[ ],\"permissions\":{ \n },"
  "\"notes\":\"Line one\\nLine two\\t\\\"quoted\\\" \\\\ caf\\u00e9 "
  "\xe2\x80\x94 \xe6\x97\xa5\xe6\x9c\xac\","
  "\"ringTimeout\":-1,\"wrapUpSeconds\":0,\"serviceLevelTarget\":3.5e2,\"score\":-0.25,"
  "\"softphoneSettings\":{\"codec\":\"OPUS\",\"jitterMs\":40,\"sipPassword\":\"NESTED\"},"
  "\"skills\":[{\"skillId\":1,\"level\":5},{\"skillId\":2,\"level\":3,\"apiKey\":\"NESTED\"}],"
  "\"tags\":[\"night\", \"weekend\", \"\xc3\xa9t\xc3\xa9\", \"\\ud83d\\ude00\"],"
  "\"apiKey\":\"SECRET-key\",\"authToken\":\"SECRET-token\",\"clientSecret\":\"SECRET-c\","
  "\"PIN\":\"SECRET-1234\",\"pinCode\":{\"a\":[1]},\"recentPins\":[\"SECRET\"],"
  "\"supervisorNotes\":{\"text\":\"Ask about \\\"password\\\": reset\"},"
  "\"wrapUpCodes\":[1, 2, 3],\"holdMusic\":true,\"maxHoldSeconds\":1.5E+2}";

typedef enum { PLACE_NOWHERE, PLACE_READ, PLACE_REST } Place;

/* Where the header says a member goes. */
static Place
expected_place (const char * const *read_names,
                const char         *name,
                JsonNode           *value)
{
  if (ringside_json_is_secret_name (name))
    return PLACE_NOWHERE;
  if (g_strv_contains (read_names, name) || json_check_holds_secret (value))
    return PLACE_READ;
  return json_check_is_empty (value) ? PLACE_NOWHERE : PLACE_REST;
}

/* Cuts a copy of @length bytes in a buffer of their own, so that valgrind or ASan catch a
 * read past them; the outputs start with stale text the cut must clear. */
static gboolean
cut_with (RingsideJsonCutter *cutter,
          const char         *text,
          gsize               length,
          GString            *read,
          GString            *rest)
{
  g_autofree char *copy = g_malloc (MAX (length, 1));

  memcpy (copy, text, length);
  g_string_assign (read, "{\"stale\":1}");
  g_string_assign (rest, "{\"stale\":2}");
  return ringside_json_cutter_cut (cutter, copy, length, read, rest);
}

/* The members of @part, in order, are those of @whole that belong in @place, with the same
 * values. Failures are reported, not fatal, so that one run lists every disagreement. */
static void
check_members (const char * const *read_names,
               JsonObject         *whole,
               JsonObject         *part,
               Place               place,
               const char         *text)
{
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) actual = g_string_new (NULL);
  const char *what = place == PLACE_READ ? "read" : "rest";
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, whole);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (expected_place (read_names, name, member) == place)
      g_string_append_printf (expected, "%s,", name);

  json_object_iter_init_ordered (&iter, part);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      JsonNode *original = json_object_get_member (whole, name);

      g_string_append_printf (actual, "%s,", name);
      if (original != NULL && !json_node_equal (original, member))
        g_test_fail_printf ("%.200s: %s member %s is not as in the element", text, what, name);
    }

  if (strcmp (expected->str, actual->str) != 0)
    g_test_fail_printf ("%.200s: %s members [%s], expected [%s]", text, what, actual->str,
                        expected->str);
}

/* Both outputs parse, as objects, into exactly the members of the element (parsed whole
 * by json-glib) that belong in each, and the rest holds no secret at any depth. */
static void
check_equivalent (const char * const *read_names,
                  const char         *text,
                  const char         *read,
                  const char         *rest)
{
  g_autoptr(JsonNode) whole = json_from_string (text, NULL);
  g_autoptr(JsonNode) read_node = json_from_string (read, NULL);
  g_autoptr(JsonNode) rest_node = NULL;

  g_assert_true (whole != NULL && JSON_NODE_HOLDS_OBJECT (whole));
  if (read_node == NULL || !JSON_NODE_HOLDS_OBJECT (read_node))
    {
      g_test_fail_printf ("%.200s: the read members '%.200s' are no JSON object", text, read);
      return;
    }

  if (*rest == '\0')
    {
      g_autoptr(JsonObject) empty = json_object_new ();

      rest_node = json_node_init_object (json_node_alloc (), empty);
    }
  else
    {
      rest_node = json_from_string (rest, NULL);
      if (rest_node == NULL || !JSON_NODE_HOLDS_OBJECT (rest_node))
        {
          g_test_fail_printf ("%.200s: the rest '%.200s' is no JSON object", text, rest);
          return;
        }
      if (json_object_get_size (json_node_get_object (rest_node)) == 0)
        g_test_fail_printf ("%.200s: the rest is '%s', not empty", text, rest);
    }

  check_members (read_names, json_node_get_object (whole), json_node_get_object (read_node),
                 PLACE_READ, text);
  check_members (read_names, json_node_get_object (whole), json_node_get_object (rest_node),
                 PLACE_REST, text);
  if (json_check_holds_secret (rest_node))
    g_test_fail_printf ("%.200s: the rest '%.200s' holds a secret", text, rest);
}

/* A fresh cutter cuts @text into exactly @read_expected and @rest_expected. */
static void
expect_cut (const char * const *read_names,
            const char         *text,
            const char         *read_expected,
            const char         *rest_expected)
{
  g_autoptr(RingsideJsonCutter) cutter = ringside_json_cutter_new (read_names);
  g_autoptr(GString) read = g_string_new (NULL);
  g_autoptr(GString) rest = g_string_new (NULL);

  if (!cut_with (cutter, text, strlen (text), read, rest))
    {
      g_test_fail_printf ("%s: not cut; expected read %s, rest '%s'", text, read_expected,
                          rest_expected);
      return;
    }
  if (strcmp (read->str, read_expected) != 0 || strcmp (rest->str, rest_expected) != 0)
    g_test_fail_printf ("%s: cut into read %s, rest '%s'; expected read %s, rest '%s'", text,
                        read->str, rest->str, read_expected, rest_expected);
  check_equivalent (read_names, text, read->str, rest->str);
}

/* A fresh cutter cuts @text into the members json-glib finds in it. */
static void
expect_equivalent (const char * const *read_names,
                   const char         *text)
{
  g_autoptr(RingsideJsonCutter) cutter = ringside_json_cutter_new (read_names);
  g_autoptr(GString) read = g_string_new (NULL);
  g_autoptr(GString) rest = g_string_new (NULL);

  if (!cut_with (cutter, text, strlen (text), read, rest))
    g_test_fail_printf ("%.200s: not cut", text);
  else
    check_equivalent (read_names, text, read->str, rest->str);
}

/* A fresh cutter leaves @text whole, and both outputs empty. */
static void
expect_whole_length (const char * const *read_names,
                     const char         *text,
                     gsize               length)
{
  g_autoptr(RingsideJsonCutter) cutter = ringside_json_cutter_new (read_names);
  g_autoptr(GString) read = g_string_new (NULL);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autofree char *shown = g_strescape (text, NULL);

  if (cut_with (cutter, text, length, read, rest))
    g_test_fail_printf ("'%s' (%" G_GSIZE_FORMAT " bytes): cut into read '%s', rest '%s'; "
                        "expected it whole", shown, length, read->str, rest->str);
  else if (read->len != 0 || rest->len != 0)
    g_test_fail_printf ("'%s': left whole, but the outputs hold '%s' and '%s'", shown,
                        read->str, rest->str);
}

static void
test_read_members_in_order (void)
{
  static const char * const names[] = { "d", "b", "z", NULL };

  /* The element's order, not that of the names; values exactly as written. */
  expect_cut (names, "{\"a\":1,\"b\":\"two\",\"c\":[1, 2],\"d\":{\"x\": true},\"e\":false}",
              "{\"b\":\"two\",\"d\":{\"x\": true}}", "{\"a\":1,\"c\":[1, 2],\"e\":false}");
  expect_cut (names, "{\"d\":-3.5e2,\"b\":null}", "{\"d\":-3.5e2,\"b\":null}", "");
}

static void
test_rest_members_in_order (void)
{
  expect_cut (no_names, "{\"z\":1,\"y\":\"two\",\"x\":[{\"w\": [ 0 ]}],\"v\":true}", "{}",
              "{\"z\":1,\"y\":\"two\",\"x\":[{\"w\": [ 0 ]}],\"v\":true}");
  expect_cut (ab_names, "{\"c\":1,\"a\":2,\"d\":3,\"b\":4,\"e\":5}", "{\"a\":2,\"b\":4}",
              "{\"c\":1,\"d\":3,\"e\":5}");
}

static void
test_none_read (void)
{
  expect_cut (ab_names, "{\"c\":1}", "{}", "{\"c\":1}");
  expect_cut (ab_names, "{\"A\":1,\"ab\":2,\"\":3}", "{}", "{\"A\":1,\"ab\":2,\"\":3}");
}

static void
test_no_rest (void)
{
  expect_cut (ab_names, "{\"a\":1}", "{\"a\":1}", "");
  expect_cut (ab_names, "{\"a\":1,\"c\":null,\"password\":\"x\"}", "{\"a\":1}", "");
}

/* Read names match whole names, byte for byte. */
static void
test_names_match_exactly (void)
{
  static const char * const names[] = { "agentId", "pr\xc3\xa9nom", "", NULL };

  expect_cut (names,
              "{\"agentIdx\":1,\"agentI\":2,\"AGENTID\":3,\"agentId\":4,\"prenom\":5,"
              "\"pr\xc3\xa9nom\":6,\"\":7,\" \":8}",
              "{\"agentId\":4,\"pr\xc3\xa9nom\":6,\"\":7}",
              "{\"agentIdx\":1,\"agentI\":2,\"AGENTID\":3,\"prenom\":5,\" \":8}");
}

/* Strings, escapes and UTF-8 come through byte for byte. */
static void
test_values_as_written (void)
{
  expect_cut (no_names,
              "{\"s\":\"a\\\"b\\\\c\\/d\\n\\u00e9\\u00E9 \xc3\xa9 \xf0\x9f\x98\x80 \x7f\","
              "\"t\":\"} ] , : { [\",\"n\":[-0,0.5,1E+2,1e-7,-12.5E-3],\"b\":[true,false]}",
              "{}",
              "{\"s\":\"a\\\"b\\\\c\\/d\\n\\u00e9\\u00E9 \xc3\xa9 \xf0\x9f\x98\x80 \x7f\","
              "\"t\":\"} ] , : { [\",\"n\":[-0,0.5,1E+2,1e-7,-12.5E-3],\"b\":[true,false]}");
}

static void
test_secrets_dropped (void)
{
  expect_cut (ab_names,
              "{\"password\":\"x\",\"a\":1,\"sipPassword\":\"x\",\"phoneLoginPin\":\"1\","
              "\"apiKey\":\"k\",\"c\":2,\"authToken\":\"t\",\"clientSecret\":\"s\","
              "\"PIN\":\"1\",\"pin\":2,\"Pin\":3,\"userPIN\":4,\"pInCode\":5}",
              "{\"a\":1}", "{\"c\":2}");
}

/* Even a secret that is an object or a list, secrets inside it or not. */
static void
test_secret_objects_dropped (void)
{
  expect_cut (ab_names,
              "{\"password\":{\"value\":\"x\"},\"a\":1,\"apiKey\":[\"k\",{\"pin\":1}],"
              "\"authToken\":{},\"clientSecret\":[],\"PIN\":null,\"c\":2}",
              "{\"a\":1}", "{\"c\":2}");
}

static void
test_nested_secret_read (void)
{
  expect_cut (no_names,
              "{\"settings\":{\"a\":{\"pin\":\"1\"}},\"list\":[{\"password\":\"x\"}],"
              "\"deep\":[[{\"x\":[{\"y\":{\"apiKey\":null}}]}]],\"c\":1,"
              "\"empty\":{\"authToken\":\"\"}}",
              "{\"settings\":{\"a\":{\"pin\":\"1\"}},\"list\":[{\"password\":\"x\"}],"
              "\"deep\":[[{\"x\":[{\"y\":{\"apiKey\":null}}]}]],\"empty\":{\"authToken\":\"\"}}",
              "{\"c\":1}");
}

/* Only members are secrets: a string that says "pin" or holds JSON with a secret is not. */
static void
test_secret_words_in_strings (void)
{
  expect_cut (no_names,
              "{\"note\":\"pin\",\"json\":\"{\\\"password\\\":\\\"x\\\"}\","
              "\"list\":[\"apiKey\",\"token\"],\"o\":{\"k\":\"secret\"}}",
              "{}",
              "{\"note\":\"pin\",\"json\":\"{\\\"password\\\":\\\"x\\\"}\","
              "\"list\":[\"apiKey\",\"token\"],\"o\":{\"k\":\"secret\"}}");
}

/* A nested name is a secret as json-glib reads it, escapes undone: either the element is
 * left whole, or the member goes to the read ones, never to the rest. */
static void
test_nested_secret_escaped (void)
{
  static const char * const cases[] = {
    "{\"o\":{\"p\\u0069n\":\"1\"},\"c\":1}", "{\"o\":[{\"pass\\u0077ord\":\"1\"}],\"c\":1}",
    "{\"o\":{\"api\\u004Bey\":\"1\"},\"c\":1}", "{\"o\":{\"\\u0070in\":1,\"x\":2},\"c\":1}",
    "{\"o\":{\"a\":{\"sec\\u0072et\":[]}},\"c\":1}", NULL
  };

  for (guint i = 0; cases[i] != NULL; i++)
    {
      g_autoptr(RingsideJsonCutter) cutter = ringside_json_cutter_new (no_names);
      g_autoptr(GString) read = g_string_new (NULL);
      g_autoptr(GString) rest = g_string_new (NULL);

      if (cut_with (cutter, cases[i], strlen (cases[i]), read, rest))
        check_equivalent (no_names, cases[i], read->str, rest->str);
      else
        g_assert_true (read->len == 0 && rest->len == 0);
    }
}

static void
test_empty_values_dropped (void)
{
  expect_cut (no_names,
              "{\"a\":null,\"b\":\"\",\"c\":[],\"d\":{},\"e\":[ ],\"f\":{ \n },\"g\":[\t\r\n],"
              "\"h\":0,\"i\":false,\"j\":\" \",\"k\":[null],\"l\":{\"m\":null},\"n\":[[]]}",
              "{}",
              "{\"h\":0,\"i\":false,\"j\":\" \",\"k\":[null],\"l\":{\"m\":null},\"n\":[[]]}");
  expect_cut (no_names, "{\"a\":null,\"b\":\"\",\"c\":[],\"d\":{}}", "{}", "");
}

/* The parse decides what an empty value it reads means. */
static void
test_read_empty_values_kept (void)
{
  static const char * const names[] = { "a", "b", "c", "d", "e", NULL };

  expect_cut (names, "{\"a\":null,\"x\":null,\"b\":\"\",\"c\":[],\"d\":{},\"e\":{ \n }}",
              "{\"a\":null,\"b\":\"\",\"c\":[],\"d\":{},\"e\":{ \n }}", "");
}

static void
test_agent (void)
{
  g_autoptr(RingsideJsonCutter) cutter = ringside_json_cutter_new (agent_names);
  g_autoptr(GString) read = g_string_new (NULL);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autoptr(JsonNode) whole = json_from_string (agent_json, NULL);

  g_assert_nonnull (whole);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (whole)), >=, 60);

  g_assert_true (cut_with (cutter, agent_json, strlen (agent_json), read, rest));
  check_equivalent (agent_names, agent_json, read->str, rest->str);

  g_assert_null (strstr (read->str, "SECRET"));
  g_assert_null (strstr (rest->str, "SECRET"));
  g_assert_null (strstr (rest->str, "NESTED"));
  g_assert_nonnull (strstr (rest->str, "\"location\":\"Montr\\u00e9al \\\\ QC\""));
}

/* The same agent with whitespace between every token, and around it. */
static void
test_agent_spaced (void)
{
  g_autoptr(GString) spaced = g_string_new (" \r\n\t");
  gboolean in_string = FALSE;

  for (const char *p = agent_json; *p != '\0'; p++)
    {
      if (!in_string && strchr ("{}[],:", *p) != NULL)
        g_string_append_printf (spaced, " \n%c\t ", *p);
      else
        g_string_append_c (spaced, *p);
      if (*p == '\\' && in_string)
        g_string_append_c (spaced, *++p);
      else if (*p == '"')
        in_string = !in_string;
    }
  g_string_append (spaced, "\n\n");

  expect_equivalent (agent_names, spaced->str);
}

static void
test_whitespace (void)
{
  expect_equivalent (ab_names,
                     " \t\r\n{ \"a\" : 1 , \"b\" :\n[ 1 , 2 ] , \"c\" : { \"d\" : [ ] } ,"
                     "\"e\":\"x\"}\r\n ");
  expect_equivalent (ab_names, "{\"a\"\n:\n1\n,\n\"c\"\n:\n2\n}");
  expect_equivalent (ab_names, "\t{\t\"c\"\t:\t\"\"\t,\t\"d\"\t:\t3\t}\t");
}

static void
test_empty_object (void)
{
  expect_cut (ab_names, "{}", "{}", "");
  expect_cut (ab_names, "  {\n\t}\r\n", "{}", "");
  expect_cut (ab_names, "{\"c\":null,\"d\":{}}", "{}", "");
}

/* @length says where the text ends, whatever follows it. */
static void
test_length (void)
{
  g_autoptr(RingsideJsonCutter) cutter = ringside_json_cutter_new (ab_names);
  g_autoptr(GString) read = g_string_new (NULL);
  g_autoptr(GString) rest = g_string_new (NULL);
  const char text[] = "{\"a\":1,\"c\":2} garbage";

  g_assert_true (ringside_json_cutter_cut (cutter, text, 13, read, rest));
  g_assert_cmpstr (read->str, ==, "{\"a\":1}");
  g_assert_cmpstr (rest->str, ==, "{\"c\":2}");

  expect_whole_length (ab_names, text, 12);
  /* A NUL is neither whitespace nor text in a string. */
  expect_whole_length (ab_names, "{\"a\":1}\0", 8);
  expect_whole_length (ab_names, "{\"a\":\"x\0y\"}", 11);
  expect_whole_length (ab_names, "\0{\"a\":1}", 8);
}

/* Elements the caller must parse whole: the cutter says FALSE and leaves both outputs empty.
 * "a" is a read name, "c" is not. */
typedef struct
{
  const char *path;
  const char *cases[24];
} WholeCases;

static const WholeCases whole_cases[] = {
  { "/json-cutter/whole/not-an-object", {
    "", " ", " \n\t\r ", "[]", "[{\"a\":1}]", "\"s\"", "\"{}\"", "1", "-1", "true", "null",
    "x", "}", "{{}}", "{[]}", "\xef\xbb\xbf{}" } },
  { "/json-cutter/whole/truncated", {
    "{", " {", "{\"", "{\"a", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "{\"a\":1,\"c\"",
    "{\"a\":{\"b\":1}", "{\"a\":\"x", "{\"a\":[1,2]", "{\"c\":[", "{\"c\":tr", "{\"c\":-" } },
  { "/json-cutter/whole/escaped-names", {
    "{\"na\\\"me\":1}", "{\"\\u0061\":1}", "{\"a\\\\b\":1}", "{\"c\":1,\"\\n\":2}",
    "{\"p\\u0069n\":\"1\"}", "{\"\\/\":1}", "{\"c\":1,\"a\\u00e9\":{}}" } },
  { "/json-cutter/whole/duplicate-names", {
    "{\"c\":1,\"c\":2}", "{\"a\":1,\"a\":2}", "{\"a\":1,\"c\":2,\"a\":1}",
    "{\"password\":\"x\",\"password\":\"y\"}", "{\"c\":null,\"d\":1,\"c\":null}",
    "{\"c\":{},\"c\":[]}", "{\"c\":1,\"d\":{\"c\":2},\"c\":3}",
    "{\"\xc3\xa9\":1,\"\xc3\xa9\":1}", "{\"\":1,\"\":2}" } },
  { "/json-cutter/whole/invalid-utf8", {
    "{\"c\":\"\xff\"}", "{\"c\":\"\xc3\"}", "{\"c\":\"\xc3\" }", "{\"c\":\"\xc0\xaf\"}",
    "{\"c\":\"\xed\xa0\x80\"}", "{\"c\":\"\xf4\x90\x80\x80\"}", "{\"c\":\"\xe2\x82\"}",
    "{\"\xe9\":1}", "{\"a\":\"\xff\"}", "{\"password\":\"\xff\"}", "{\"c\":null,\"d\":\"\x80\"}",
    "{\"c\":{\"d\":[\"\xfe\"]}}", "{\"c\":{\"\xff\":1}}", "{\"c\":1}\xff", "\xff{\"c\":1}" } },
  { "/json-cutter/whole/unterminated-string", {
    "{\"c\":\"abc}", "{\"c\":\"abc\\\"}", "{\"c\":[\"x]}", "{\"abc:1}", "{\"c\":\"\\\\\\\"}",
    "{\"c\":{\"d\":\"}}" } },
  { "/json-cutter/whole/unbalanced-brackets", {
    "{\"c\":[1,2}]}", "{\"c\":[1,2}", "{\"c\":{\"d\":1]}", "{\"c\":[[1]}", "{\"c\":]}",
    "{\"c\":[1,2]]}", "{\"c\":{\"d\":[}]}", "{\"c\":}", "{\"c\":{}}}", "{\"a\":[}",
    "{\"password\":[1}", "{\"c\":[{]}]}" } },
  { "/json-cutter/whole/bad-bare-values", {
    "{\"c\":tru}", "{\"c\":nul}", "{\"c\":fals}", "{\"c\":01x}", "{\"c\":+1}", "{\"c\":NaN}",
    "{\"c\":Infinity}", "{\"c\":word}", "{\"c\":True}", "{\"c\":nulll}", "{\"c\":truex}",
    "{\"c\":1 2}", "{\"c\":0x1F}", "{\"c\":'x'}", "{\"a\":tru}", "{\"password\":nul}",
    "{\"c\":-}", "{\"c\":1e}", "{\"c\":--1}", "{\"c\":1.2.3}", "{\"c\":1-2}", "{\"c\":1e+}" } },
  /* Not JSON numbers either, though json-glib reads them. */
  { "/json-cutter/whole/loose-numbers", {
    "{\"c\":01}", "{\"c\":-01}", "{\"c\":1.}", "{\"c\":.5}", "{\"c\":1.e5}", "{\"c\":00}" } },
  /* Inside brackets as at the top, or the rest would not parse when it is shown. */
  { "/json-cutter/whole/malformed-inside-brackets", {
    "{\"c\":[tru]}", "{\"c\":{\"d\":nul}}", "{\"c\":[1,,2]}", "{\"c\":[1,]}", "{\"c\":{\"d\"}}",
    "{\"c\":{\"d\":1,}}", "{\"c\":[\"x\" \"y\"]}", "{\"c\":{d:1}}", "{\"c\":[+1]}",
    "{\"c\":[\"a\tb\"]}", "{\"c\":{\"d\":1 \"e\":2}}", "{\"c\":[1 2]}" } },
  { "/json-cutter/whole/missing-colon-or-comma", {
    "{\"c\" 1}", "{\"c\":1 \"d\":2}", "{\"c\"::1}", "{\"c\":1,,\"d\":2}", "{,\"c\":1}",
    "{\"c\"}", "{1:2}", "{c:1}", "{'c':1}", "{\"c\",1}", "{\"c\":1:2}" } },
  { "/json-cutter/whole/trailing-comma", {
    "{\"c\":1,}", "{\"c\":1 , }", "{,}", "{\"a\":1,}" } },
  { "/json-cutter/whole/trailing-garbage", {
    "{} x", "{}{}", "{\"c\":1}}", "{\"c\":1},", "{\"c\":1}]", "{}\f", "\f{}", "{}\v",
    "{\"c\":1}/* c */", "{}//" } },
  { "/json-cutter/whole/control-characters", {
    "{\"c\":\"x\ty\"}", "{\"c\":\"x\ny\"}", "{\"c\":\"\x01\"}", "{\"c\":\"x\x1fy\"}",
    "{\"c\ttab\":1}", "{\"password\":\"a\tb\"}", "{\"a\":\"\r\"}", "{\"c\":[\"\x1b\"]}" } },
  /* Not in JSON; json-glib reads some of them. */
  { "/json-cutter/whole/bad-escapes", {
    "{\"c\":\"\\q\"}", "{\"c\":\"\\u12\"}", "{\"c\":\"\\u12g4\"}", "{\"c\":\"\\x41\"}",
    "{\"c\":\"\\U0041\"}", "{\"c\":\"\\\n\"}", "{\"c\":\"\\'\"}" } },
  /* Halves of a surrogate pair alone, which json-glib refuses. */
  { "/json-cutter/whole/lone-surrogates", {
    "{\"c\":\"\\ud800\"}", "{\"c\":\"\\udc00\"}", "{\"c\":\"\\ud83dx\"}",
    "{\"c\":\"\\ud83d\\u0041\"}", "{\"c\":[\"\\uDBFF\"]}" } },
};

static void
test_whole (gconstpointer data)
{
  const WholeCases *cases = data;

  for (guint i = 0; i < G_N_ELEMENTS (cases->cases) && cases->cases[i] != NULL; i++)
    expect_whole_length (ab_names, cases->cases[i], strlen (cases->cases[i]));
}

/* Deeply nested values: cut or not, no crash, and a secret at the bottom still counts. */
static void
test_deep_nesting (void)
{
  g_autoptr(RingsideJsonCutter) cutter = ringside_json_cutter_new (no_names);
  g_autoptr(GString) text = g_string_new ("{\"c\":");
  g_autoptr(GString) read = g_string_new (NULL);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autofree char *opening = g_strnfill (100000, '[');
  g_autofree char *closing = g_strnfill (100000, ']');

  for (guint i = 0; i < 64; i++)
    g_string_append (text, "[{\"d\":");
  g_string_append (text, "{\"pin\":1}");
  for (guint i = 0; i < 64; i++)
    g_string_append (text, "}]");
  g_string_append (text, ",\"e\":1}");
  if (cut_with (cutter, text->str, text->len, read, rest))
    g_assert_cmpstr (rest->str, ==, "{\"e\":1}");

  g_string_printf (text, "{\"c\":%s%s}", opening, closing);
  if (cut_with (cutter, text->str, text->len, read, rest))
    g_assert_true (rest->len == text->len && read->len == 2);
  else
    g_assert_true (read->len == 0 && rest->len == 0);
}

/* A large member, as the details may hold. */
static void
test_large_value (void)
{
  g_autoptr(GString) text = g_string_new ("{\"a\":1,\"c\":\"");
  g_autoptr(GString) expected = g_string_new ("{\"c\":\"");

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "\xc3\xa9\\\"x\\\\ ");
  g_string_append (expected, text->str + strlen ("{\"a\":1,\"c\":\""));
  g_string_append (text, "\"}");
  g_string_append (expected, "\"}");
  expect_cut (ab_names, text->str, "{\"a\":1}", expected->str);
}

/* @read NULL: left whole */
typedef struct { const char *text; const char *read; const char *rest; } Expected;

/* The same names meet different values, read names meet the cutter nested first, names come
 * again in later elements, after a failure too. */
static const Expected reused[] = {
  { "{\"settings\":{\"mode\":\"a\"},\"agentId\":1,\"x\":null}",
    "{\"agentId\":1}", "{\"settings\":{\"mode\":\"a\"}}" },
  { "{\"other\":{\"agentId\":5,\"settings\":1},\"settings\":[1]}",
    "{}", "{\"other\":{\"agentId\":5,\"settings\":1},\"settings\":[1]}" },
  { "{\"settings\":{\"pin\":\"1\"},\"agentId\":2}",
    "{\"settings\":{\"pin\":\"1\"},\"agentId\":2}", "" },
  { "{\"settings\":null,\"agentId\":3}", "{\"agentId\":3}", "" },
  { "{\"pin\":{\"agentId\":1},\"settings\":\"pin\"}", "{}", "{\"settings\":\"pin\"}" },
  { "{\"a\":1,\"a\":2}", NULL, NULL },
  { "{\"a\":1,\"settings\":2}", "{}", "{\"a\":1,\"settings\":2}" },
  { "{\"a\":1,\"agentId\":{", NULL, NULL },
  { "{\"agentId\":\"x\",\"a\":[{\"password\":1}]}", "{\"agentId\":\"x\",\"a\":[{\"password\":1}]}",
    "" },
  { "{\"password\":\"x\",\"nested\":{\"password\":\"y\"}}",
    "{\"nested\":{\"password\":\"y\"}}", "" },
  { "{\"agentId\":7,\"agentId\":7}", NULL, NULL },
  { "{\"nested\":3,\"agentId\":7}", "{\"agentId\":7}", "{\"nested\":3}" },
};

static void
check_reused (RingsideJsonCutter *cutter,
              const Expected     *expected,
              GString            *read,
              GString            *rest)
{
  gboolean ok = cut_with (cutter, expected->text, strlen (expected->text), read, rest);

  if (expected->read == NULL ? ok || read->len != 0 || rest->len != 0 :
      !ok || strcmp (read->str, expected->read) != 0 || strcmp (rest->str, expected->rest) != 0)
    g_test_fail_printf ("%s, by a cutter used before: %s, read %s, rest '%s'", expected->text,
                        ok ? "cut" : "not cut", read->str, rest->str);
}

static void
test_reused (void)
{
  static const char * const names[] = { "agentId", NULL };
  static const char * const other_names[] = { "settings", "a", NULL };
  g_autoptr(RingsideJsonCutter) cutter = ringside_json_cutter_new (names);
  g_autoptr(RingsideJsonCutter) other = ringside_json_cutter_new (other_names);
  g_autoptr(GString) read = g_string_new (NULL);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autoptr(GString) other_read = g_string_new (NULL);
  g_autoptr(GString) other_rest = g_string_new (NULL);

  /* Each on its own first. */
  for (guint i = 0; i < G_N_ELEMENTS (reused); i++)
    {
      g_autoptr(RingsideJsonCutter) fresh = ringside_json_cutter_new (names);

      check_reused (fresh, &reused[i], read, rest);
    }

  /* Another cutter with other names, used as often, cuts as a fresh one does. */
  for (guint round = 0; round < 300; round++)
    {
      const Expected *expected = &reused[g_test_rand_int_range (0, G_N_ELEMENTS (reused))];
      g_autoptr(RingsideJsonCutter) fresh = ringside_json_cutter_new (other_names);
      gsize length = strlen (expected->text);
      gboolean ok;

      check_reused (cutter, expected, read, rest);
      ok = cut_with (other, expected->text, length, other_read, other_rest);
      g_assert_cmpint (cut_with (fresh, expected->text, length, read, rest), ==, ok);
      g_assert_cmpstr (other_read->str, ==, read->str);
      g_assert_cmpstr (other_rest->str, ==, rest->str);
    }
}

/* Many names, each new: while the cutter remembers them it cuts as a fresh one does, and
 * past that it leaves elements whole. */
static void
test_many_names (void)
{
  static const char * const names[] = { "n17", "n4093", NULL };
  g_autoptr(RingsideJsonCutter) cutter = ringside_json_cutter_new (names);
  g_autoptr(GString) read = g_string_new (NULL);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < 5000; i += 10)
      {
        g_autoptr(RingsideJsonCutter) fresh = ringside_json_cutter_new (names);
        g_autoptr(GString) fresh_read = g_string_new (NULL);
        g_autoptr(GString) fresh_rest = g_string_new (NULL);

        g_string_assign (text, "{");
        for (guint j = i; j < i + 10; j++)
          g_string_append_printf (text, "%s\"n%u\":%s", j > i ? "," : "", j,
                                  j % 7 == 0 ? "{\"pin\":1}" : j % 5 == 0 ? "null" : "1");
        g_string_append_c (text, '}');

        g_assert_true (cut_with (fresh, text->str, text->len, fresh_read, fresh_rest));
        /* Past the names it remembers, a cutter leaves elements whole. */
        if (!cut_with (cutter, text->str, text->len, read, rest))
          {
            g_assert_cmpuint (i + 10, >, 4096 - 2);
            continue;
          }
        g_assert_cmpstr (read->str, ==, fresh_read->str);
        g_assert_cmpstr (rest->str, ==, fresh_rest->str);
        check_equivalent (names, text->str, read->str, rest->str);
      }
}

/* The cutter remembers up to 4,096 names of up to 128 bytes: a name it remembers, given twice,
 * leaves the element whole however many names came since, and so does a member name it
 * cannot remember. */
static void
test_repeated_names_remembered (void)
{
  g_autoptr(RingsideJsonCutter) cutter = ringside_json_cutter_new (ab_names);
  g_autoptr(GString) read = g_string_new (NULL);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *long_name = g_strnfill (128, 'n');

  g_string_printf (text, "{\"%s\":1,\"%s\":2}", long_name, long_name);
  expect_whole_length (ab_names, text->str, text->len);

  for (guint i = 0; i < 5000; i++)
    {
      g_string_printf (text, "{\"early%u\":1}", i);
      g_assert_cmpint (cut_with (cutter, text->str, text->len, read, rest), ==, i < 4096);
    }
  g_string_assign (text, "{\"early7\":1,\"early7\":null}");
  g_assert_false (cut_with (cutter, text->str, text->len, read, rest));

  g_string_assign (text, "{\"late\":{\"pin\":1},\"c\":1,\"late\":2}");
  g_assert_false (cut_with (cutter, text->str, text->len, read, rest));
  g_assert_cmpuint (read->len + rest->len, ==, 0);
}

/* Random objects, from names and values that matter. */
static const char * const name_pool[] = {
  "agentId", "firstName", "agentGroup", "regionalSettings", "gateAssignments", "team",
  "location", "notes", "a", "b", "c", "", "x y", "pr\xc3\xa9nom", "\xe6\x97\xa5", "agentIdx",
  "password", "sipPassword", "phoneLoginPin", "PIN", "apiKey", "authToken", "clientSecret",
  "shippingNote", "keyboard", "credentials", "mode", "level", "skills", "tags", "timezone",
};
static const char * const random_read_names[] = {
  "agentId", "firstName", "agentGroup", "regionalSettings", "gateAssignments", NULL,
};
static const char * const string_pieces[] = {
  "plain", "x", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\r", "\\b", "\\f", "\\u00e9",
  "\\u20AC", "\\u0041", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xe6\x97\xa5",
  "{", "}", "[", "]", ",", ":", "pin", "\\\"password\\\":1", "\x7f",
};
static const char * const number_texts[] = {
  "0", "-0", "-1", "42", "3.5e2", "-0.125", "1E-3", "2e+10", "12345678901", "0.5",
};
static const char * const spaces[] = { "", "", "", "", " ", "\n", "\t ", "\r\n  " };
static const char * const empty_containers[] = { "[]", "{}", "[ ]", "{ \n }", "[\t]" };

#define PICK(array) (array[g_test_rand_int_range (0, G_N_ELEMENTS (array))])

static void append_value (GString *out, guint depth);

/* Appends "name":value members with names from the pool, each at most once; at the top
 * (@names non-NULL), whitespace only when @spaced, and each name and value noted. */
static void
append_members (GString   *out,
                guint      depth,
                gboolean   spaced,
                GPtrArray *names,
                GPtrArray *values)
{
  guint n = g_test_rand_int_range (0, depth == 0 ? 14 : 4);
  guint64 used = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (name_pool) <= 64);
  for (guint i = 0; i < n; i++)
    {
      guint index;
      const char *name;
      gsize start;

      do
        index = g_test_rand_int_range (0, G_N_ELEMENTS (name_pool));
      while (used & (G_GUINT64_CONSTANT (1) << index));
      used |= G_GUINT64_CONSTANT (1) << index;
      name = name_pool[index];

      if (i > 0)
        g_string_append_c (out, ',');
      if (spaced)
        g_string_append (out, PICK (spaces));
      g_string_append_printf (out, "\"%s\"", name);
      if (spaced)
        g_string_append (out, PICK (spaces));
      g_string_append_c (out, ':');
      if (spaced)
        g_string_append (out, PICK (spaces));
      start = out->len;
      append_value (out, depth + 1);
      if (names != NULL)
        {
          g_ptr_array_add (names, (gpointer) name);
          g_ptr_array_add (values, g_strdup (out->str + start));
        }
      if (spaced)
        g_string_append (out, PICK (spaces));
    }
}

static void
append_value (GString *out,
              guint    depth)
{
  switch (g_test_rand_int_range (0, depth >= 4 ? 5 : 8))
    {
    case 0:
      g_string_append (out, g_test_rand_bit () ? "null" : "\"\"");
      break;
    case 1:
      g_string_append (out, g_test_rand_bit () ? "true" : "false");
      break;
    case 2:
      g_string_append (out, PICK (number_texts));
      break;
    case 3:
    case 4:
      g_string_append_c (out, '"');
      for (guint i = g_test_rand_int_range (0, 5); i > 0; i--)
        g_string_append (out, PICK (string_pieces));
      g_string_append_c (out, '"');
      break;
    case 5:
      g_string_append (out, PICK (empty_containers));
      break;
    case 6:
      g_string_append_c (out, '[');
      for (guint i = 0, n = g_test_rand_int_range (1, 4); i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append (out, PICK (spaces));
          append_value (out, depth + 1);
          g_string_append (out, PICK (spaces));
        }
      g_string_append_c (out, ']');
      break;
    default:
      g_string_append_c (out, '{');
      g_string_append (out, PICK (spaces));
      append_members (out, depth, TRUE, NULL, NULL);
      g_string_append_c (out, '}');
      break;
    }
}

/* What the cutter must write for an element written without whitespace between the
 * top-level tokens: each member as written, "name":value. */
static void
expected_texts (JsonObject *whole,
                GPtrArray  *names,
                GPtrArray  *values,
                GString    *read,
                GString    *rest)
{
  g_string_assign (read, "{");
  g_string_assign (rest, "{");
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      const char *value = values->pdata[i];
      Place place = expected_place (random_read_names, name,
                                    json_object_get_member (whole, name));
      GString *out = place == PLACE_READ ? read : place == PLACE_REST ? rest : NULL;

      if (out == NULL)
        continue;
      if (out->len > 1)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "\"%s\":%s", name, value);
    }
  g_string_append_c (read, '}');
  if (rest->len == 1)
    g_string_truncate (rest, 0);
  else
    g_string_append_c (rest, '}');
}

static void
test_random_round_trip (void)
{
  g_autoptr(RingsideJsonCutter) cutter = ringside_json_cutter_new (random_read_names);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) read = g_string_new (NULL);
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autoptr(GString) expected_read = g_string_new (NULL);
  g_autoptr(GString) expected_rest = g_string_new (NULL);

  for (guint round = 0; round < 600; round++)
    {
      g_autoptr(RingsideJsonCutter) fresh = ringside_json_cutter_new (random_read_names);
      g_autoptr(GString) fresh_read = g_string_new (NULL);
      g_autoptr(GString) fresh_rest = g_string_new (NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(JsonNode) whole = NULL;
      gboolean spaced = round % 2 == 1;

      g_string_printf (text, "%s{", spaced ? PICK (spaces) : "");
      append_members (text, 0, spaced, names, values);
      g_string_append_c (text, '}');
      if (spaced)
        g_string_append (text, PICK (spaces));

      whole = json_from_string (text->str, NULL);
      g_assert_nonnull (whole);

      if (!cut_with (cutter, text->str, text->len, read, rest))
        {
          g_test_fail_printf ("%s: not cut", text->str);
          continue;
        }
      g_assert_true (cut_with (fresh, text->str, text->len, fresh_read, fresh_rest));
      g_assert_cmpstr (read->str, ==, fresh_read->str);
      g_assert_cmpstr (rest->str, ==, fresh_rest->str);

      check_equivalent (random_read_names, text->str, read->str, rest->str);
      if (!spaced)
        {
          expected_texts (json_node_get_object (whole), names, values, expected_read,
                          expected_rest);
          if (!g_string_equal (read, expected_read) || !g_string_equal (rest, expected_rest))
            g_test_fail_printf ("%s: read %s, rest '%s'; expected read %s, rest '%s'",
                                text->str, read->str, rest->str, expected_read->str,
                                expected_rest->str);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-cutter/read-members-in-order", test_read_members_in_order);
  g_test_add_func ("/json-cutter/rest-members-in-order", test_rest_members_in_order);
  g_test_add_func ("/json-cutter/none-read", test_none_read);
  g_test_add_func ("/json-cutter/no-rest", test_no_rest);
  g_test_add_func ("/json-cutter/names-match-exactly", test_names_match_exactly);
  g_test_add_func ("/json-cutter/values-as-written", test_values_as_written);
  g_test_add_func ("/json-cutter/secrets-dropped", test_secrets_dropped);
  g_test_add_func ("/json-cutter/secret-objects-dropped", test_secret_objects_dropped);
  g_test_add_func ("/json-cutter/nested-secret-read", test_nested_secret_read);
  g_test_add_func ("/json-cutter/secret-words-in-strings", test_secret_words_in_strings);
  g_test_add_func ("/json-cutter/nested-secret-escaped", test_nested_secret_escaped);
  g_test_add_func ("/json-cutter/empty-values-dropped", test_empty_values_dropped);
  g_test_add_func ("/json-cutter/read-empty-values-kept", test_read_empty_values_kept);
  g_test_add_func ("/json-cutter/agent", test_agent);
  g_test_add_func ("/json-cutter/agent-spaced", test_agent_spaced);
  g_test_add_func ("/json-cutter/whitespace", test_whitespace);
  g_test_add_func ("/json-cutter/empty-object", test_empty_object);
  g_test_add_func ("/json-cutter/length", test_length);
  for (guint i = 0; i < G_N_ELEMENTS (whole_cases); i++)
    g_test_add_data_func (whole_cases[i].path, &whole_cases[i], test_whole);
  g_test_add_func ("/json-cutter/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json-cutter/large-value", test_large_value);
  g_test_add_func ("/json-cutter/reused", test_reused);
  g_test_add_func ("/json-cutter/many-names", test_many_names);
  g_test_add_func ("/json-cutter/repeated-names-remembered", test_repeated_names_remembered);
  g_test_add_func ("/json-cutter/random-round-trip", test_random_round_trip);

  return g_test_run ();
}
