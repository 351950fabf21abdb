/* SPDX-License-Identifier: MIT */
/* gai.h: the library the commands are built on, in one include. */
#ifndef GAI_H
#define GAI_H

#include "gai_buf.h"
#include "gai_doc.h"
#include "gai_error.h"
#include "gai_fields.h"
#include "gai_rec.h"
#include "gai_text.h"

#endif
