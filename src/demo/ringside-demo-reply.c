/* ringside-demo-reply.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-demo-server-private.h"

/* What the handlers answer with, and RingCX's error shape. Big lists write their JSON text
 * by hand; the other bodies are built with JsonBuilder. */

/* JSON text */

void
ringside_demo_json_append_escaped (GString    *out,
                                   const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
}

static void
json_append_string (GString    *out,
                    const char *value)
{
  g_string_append_c (out, '"');
  ringside_demo_json_append_escaped (out, value);
  g_string_append_c (out, '"');
}

/* Members are written with a trailing comma, which ringside_demo_json_close() turns into the
 * bracket. */
void
ringside_demo_json_member (GString    *out,
                           const char *name)
{
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
}

void
ringside_demo_json_close (GString *out,
                          char     bracket)
{
  if (out->len > 0 && out->str[out->len - 1] == ',')
    out->str[out->len - 1] = bracket;
  else
    g_string_append_c (out, bracket);
}

void
ringside_demo_json_member_string (GString    *out,
                                  const char *name,
                                  const char *value)
{
  ringside_demo_json_member (out, name);
  if (value != NULL)
    json_append_string (out, value);
  else
    g_string_append (out, "null");
  g_string_append_c (out, ',');
}

void
ringside_demo_json_member_int (GString    *out,
                               const char *name,
                               gint64      value)
{
  ringside_demo_json_member (out, name);
  g_string_append_printf (out, "%" G_GINT64_FORMAT ",", value);
}

void
ringside_demo_json_member_bool (GString    *out,
                                const char *name,
                                gboolean    value)
{
  ringside_demo_json_member (out, name);
  g_string_append (out, value ? "true," : "false,");
}

/* RingCX writes dates as "2021-03-04T10:00:00.000+0000". */
void
ringside_demo_json_member_date (GString    *out,
                                const char *name,
                                gint64      unix_time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (unix_time);
  int year, month, day;

  g_date_time_get_ymd (date, &year, &month, &day);
  ringside_demo_json_member (out, name);
  g_string_append_printf (out, "\"%04d-%02d-%02dT%02d:%02d:%02d.000+0000\",",
                          year, month, day,
                          g_date_time_get_hour (date),
                          g_date_time_get_minute (date),
                          g_date_time_get_second (date));
}

static GBytes *
json_builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize length;
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/* Replies */

void
ringside_demo_reply_clear (RingsideDemoReply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->location, g_free);
}

void
ringside_demo_reply_bytes (RingsideDemoReply *reply,
                           guint              status,
                           const char        *content_type,
                           GBytes            *body)
{
  ringside_demo_reply_clear (reply);
  reply->status = status;
  reply->content_type = content_type;
  reply->body = body;
}

void
ringside_demo_reply_text (RingsideDemoReply *reply,
                          guint              status,
                          const char        *content_type,
                          const char        *text)
{
  ringside_demo_reply_bytes (reply, status, content_type, g_bytes_new_static (text, strlen (text)));
}

void
ringside_demo_reply_json (RingsideDemoReply *reply,
                          guint              status,
                          JsonBuilder       *builder)
{
  ringside_demo_reply_bytes (reply, status, JSON_CONTENT_TYPE, json_builder_to_bytes (builder));
}

static const char *
error_code_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
      return "BAD_REQUEST";
    case SOUP_STATUS_UNAUTHORIZED:
      return "UNAUTHORIZED";
    case SOUP_STATUS_FORBIDDEN:
      return "FORBIDDEN";
    case SOUP_STATUS_NOT_FOUND:
      return "NOT_FOUND";
    case SOUP_STATUS_METHOD_NOT_ALLOWED:
      return "METHOD_NOT_ALLOWED";
    case STATUS_TOO_MANY_REQUESTS:
      return "TOO_MANY_REQUESTS";
    default:
      return "INTERNAL_SERVER_ERROR";
    }
}

/* RingCX's error shape: {errorCode, generalMessage, details, requestUri, timestamp}. */
void
ringside_demo_reply_error (RingsideDemoReply         *reply,
                           const RingsideDemoRequest *request,
                           guint                      status,
                           const char                *message,
                           const char                *details)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *request_uri = ringside_demo_redact_path (request->path);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "errorCode");
  json_builder_add_string_value (builder, error_code_for_status (status));
  json_builder_set_member_name (builder, "generalMessage");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "details");
  json_builder_add_string_value (builder, details != NULL ? details : message);
  json_builder_set_member_name (builder, "requestUri");
  json_builder_add_string_value (builder, request_uri);
  json_builder_set_member_name (builder, "timestamp");
  json_builder_add_int_value (builder, g_get_real_time () / 1000);
  json_builder_end_object (builder);

  ringside_demo_reply_json (reply, status, builder);
}
void
ringside_demo_reply_send (SoupServerMessage       *msg,
                          const RingsideDemoReply *reply)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, reply->status, NULL);

  if (reply->retry_after > 0)
    {
      g_autofree char *value = g_strdup_printf ("%u", reply->retry_after);

      soup_message_headers_replace (headers, "Retry-After", value);
    }

  if (reply->location != NULL)
    soup_message_headers_replace (headers, "Location", reply->location);

  if (reply->body != NULL)
    {
      soup_message_headers_replace (headers, "Content-Type", reply->content_type);
      if (g_bytes_get_size (reply->body) > 0)
        soup_message_body_append_bytes (soup_server_message_get_response_body (msg),
                                        reply->body);
    }
}
