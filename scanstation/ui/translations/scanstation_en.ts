<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CaptureBench</name>
    <message>
        <location filename="../capture_bench.py" line="80"/>
        <source>پرونده‌ای انتخاب نشده است</source>
        <translation>No dossier selected</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="88"/>
        <source>برگ شطرنجی</source>
        <translation>Grid page</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="89"/>
        <source>دستگاه آزمایشی SANE به جای برگ سفید یک برگ شطرنجی می‌دهد.</source>
        <translation>SANE&apos;s test device gives a grid page instead of a white one.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="100"/>
        <source>اسکن (F6)</source>
        <translation>Scan (F6)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="101"/>
        <source>از فایل…</source>
        <translation>From file…</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="102"/>
        <source>توقف</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="103"/>
        <source>ایراد بعدی (N)</source>
        <translation>Next flag (N)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="105"/>
        <source>پذیرش با دلیل (A)</source>
        <translation>Accept with reason (A)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="106"/>
        <source>حذف با دلیل (Del)</source>
        <translation>Delete with reason (Del)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="107"/>
        <source>اسکن دوباره این صفحه (F7)</source>
        <translation>Rescan this page (F7)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="108"/>
        <source>چرخش ۹۰° (R)</source>
        <translation>Rotate 90° (R)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="109"/>
        <source>راست کردن (U)</source>
        <translation>Upright (U)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="110"/>
        <source>حذف پشت‌های سفید (B)</source>
        <translation>Drop blank backs (B)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="111"/>
        <source>طبقه‌بندی صفحه‌ها (C)</source>
        <translation>Classify pages (C)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="112"/>
        <source>پایان اسکن (مرحله ۵)</source>
        <translation>Scanning done (step 5)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="113"/>
        <source>پایان کنترل کیفیت (مرحله ۶)</source>
        <translation>Quality check done (step 6)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="184"/>
        <source>اسکنری پیدا نشد</source>
        <translation>No scanner found</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="215"/>
        <source>تصویربرداری پرونده {barcode} — {name}</source>
        <translation>Imaging dossier {barcode} — {name}</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="244"/>
        <source>{pages} صفحه، {flagged} ایراد باز</source>
        <translation>{pages} pages, {flagged} open flags</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="270"/>
        <source>تصویر در دسترس نیست</source>
        <translation>image not available</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="272"/>
        <source>تکراری</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="318"/>
        <source>تا پایان دسته در حال اسکن صبر کنید یا آن را متوقف کنید.</source>
        <translation>Wait for the batch being scanned to end, or stop it.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="320"/>
        <source>دسته‌ای در حال اسکن نیست.</source>
        <translation>No batch is being scanned.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="322"/>
        <source>نخست یک پرونده را از صف کار انتخاب کنید.</source>
        <translation>First choose a dossier in the work queue.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="324"/>
        <source>ایراد بازی در صفحه‌های این پرونده نمانده است.</source>
        <translation>No open quality flag is left on this dossier&apos;s pages.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="326"/>
        <source>ناظر برگی از این پرونده را برنگردانده است.</source>
        <translation>The supervisor has sent no page of this file back.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="358"/>
        <source>صفحه {n} رسید ({count} صفحه در این دسته)</source>
        <translation>Page {n} arrived ({count} pages in this batch)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="361"/>
        <source>{rate} صفحه در دقیقه</source>
        <translation>{rate} pages a minute</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="373"/>
        <source>فایل {n} از {total}</source>
        <translation>File {n} of {total}</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="441"/>
        <location filename="../capture_bench.py" line="501"/>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="497"/>
        <source>دلیل پذیرش صفحه‌های {pages} با ایراد:</source>
        <translation>Reason for accepting pages {pages} as they are:</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="498"/>
        <source>دلیل حذف صفحه‌های {pages}:</source>
        <translation>Reason for deleting pages {pages}:</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="499"/>
        <source>دلیل حذف همه پشت‌های سفید این پرونده:</source>
        <translation>Reason for deleting every blank back of this dossier:</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="520"/>
        <source>{n} صفحه اصلاح شد</source>
        <translation>{n} pages fixed</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="395"/>
        <source>تصاویر برای افزودن</source>
        <translation>Images to add</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="104"/>
        <source>برگشتی ناظر (F9)</source>
        <translation>Sent back (F9)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="396"/>
        <source>تصویر (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation>Images (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="415"/>
        <source>{n} تصویر پیش‌تر در این پرونده بود و دوباره ثبت نشد.</source>
        <translation>{n} images were already in this dossier and were not captured again.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="417"/>
        <source>{n} صفحه افزوده شد</source>
        <translation>{n} pages added</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="427"/>
        <source>و {n} تصویر دیگر</source>
        <translation>and {n} more images</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="428"/>
        <source>تصویرهای تکراری</source>
        <translation>Duplicate images</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="429"/>
        <source>این تصویرها پیش‌تر در این پرونده بوده‌اند و دوباره ثبت نشدند:</source>
        <translation>These images were already in this dossier and were not captured again:</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="431"/>
        <source>با ذکر دلیل ثبت شوند</source>
        <translation>Capture them, with a reason</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="432"/>
        <source>ثبت نشوند</source>
        <translation>Do not capture</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="442"/>
        <source>چرا این تصویرها باید دوباره در پرونده ثبت شوند؟</source>
        <translation>Why must these images be captured into the dossier again?</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="558"/>
        <source>پایان اسکن ثبت شد ({n} صفحه)</source>
        <translation>End of scanning recorded ({n} pages)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="566"/>
        <source>کنترل کیفیت بسته شد؛ پرونده برای تأیید به ناظر رسید</source>
        <translation>Quality check closed; the dossier went to the supervisor for approval</translation>
    </message>
</context>
<context>
    <name>ClassificationView</name>
    <message>
        <location filename="../classification_view.py" line="154"/>
        <location filename="../classification_view.py" line="313"/>
        <source>پرونده‌ای انتخاب نشده است</source>
        <translation>No dossier selected</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="202"/>
        <source>۱۴۰۳/۰۷/۱۵</source>
        <translation>1403/07/15</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="210"/>
        <source>یادداشت:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="214"/>
        <source>صفحه‌ها:</source>
        <translation>Pages:</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="215"/>
        <source>نوع سند:</source>
        <translation>Document type:</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="217"/>
        <source>سرفصل:</source>
        <translation>Heading:</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="218"/>
        <source>تاریخ سند:</source>
        <translation>Document date:</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="222"/>
        <source>سند</source>
        <translation>Doc.</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="222"/>
        <source>نوع سند</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="222"/>
        <source>سرفصل</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="223"/>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="223"/>
        <source>صفحه‌ها</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="237"/>
        <source>ثبت سند (Enter)</source>
        <translation>Save document (Enter)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="238"/>
        <source>همان نوع سند قبلی (فاصله)</source>
        <translation>Same type as before (Space)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="239"/>
        <source>ویرایش سند (F2)</source>
        <translation>Edit document (F2)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="240"/>
        <source>جدا کردن از این صفحه (F3)</source>
        <translation>Split at this page (F3)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="241"/>
        <source>نوع پیشنهادی (F6)</source>
        <translation>Suggested type (F6)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="242"/>
        <source>ادغام با سند بعدی (F4)</source>
        <translation>Merge with next document (F4)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="243"/>
        <source>اعمال برگ‌های جداکننده (Ctrl+B)</source>
        <translation>Apply separator sheets (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="244"/>
        <source>چاپ برگ‌های جداکننده…</source>
        <translation>Print separator sheets…</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="245"/>
        <source>پایان کنترل کیفیت (مرحله ۶)</source>
        <translation>Quality check done (step 6)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="310"/>
        <source>طبقه‌بندی پرونده {barcode} — {name}</source>
        <translation>Classifying dossier {barcode} — {name}</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="345"/>
        <source>{loose} صفحه از {total} صفحه هنوز طبقه‌بندی نشده است</source>
        <translation>{loose} of {total} pages not classified yet</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="348"/>
        <source>همه {total} صفحه در {docs} سند طبقه‌بندی شده است</source>
        <translation>All {total} pages classified in {docs} documents</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="376"/>
        <source>سند {n}</source>
        <translation>Doc. {n}</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="376"/>
        <source>بی‌سند</source>
        <translation>loose</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="384"/>
        <source>هنوز در هیچ سندی نیست</source>
        <translation>Not in any document yet</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="386"/>
        <source>سند {n}: {kind}</source>
        <translation>Document {n}: {kind}</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="398"/>
        <source>متن صفحه‌های انتخاب‌شده هنوز خوانده نشده یا نوعی را پیشنهاد نمی‌کند.</source>
        <translation>The text of the selected pages is not read yet, or suggests no type.</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="400"/>
        <source>نخست یک پرونده را از صف کار انتخاب کنید.</source>
        <translation>First choose a dossier in the work queue.</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="402"/>
        <source>این پرونده هنوز صفحه‌ای ندارد؛ نخست صفحه‌ها را اسکن کنید.</source>
        <translation>This dossier has no pages yet; scan its pages first.</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="409"/>
        <source>تا صفحه {n}: Enter برای انتخاب نوع، فاصله برای همان نوع قبلی. </source>
        <translation>Up to page {n}: Enter to choose the type, Space for the same type as before. </translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="412"/>
        <source>پیمایش: جهت‌ها؛ انتخاب: Shift با جهت‌ها، Home یا End، یا شماره صفحه آخر. Enter: نوع سند؛ فاصله: همان نوع سند قبلی؛ F2 ویرایش، F3 جدا کردن، F4 ادغام.</source>
        <translation>Move: arrows; select: Shift with arrows, Home or End, or type the last page number. Enter: document type; Space: same type as before; F2 edit, F3 split, F4 merge.</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="464"/>
        <source>ویرایش سند {n}</source>
        <translation>Editing document {n}</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="468"/>
        <source>صفحه {first}</source>
        <translation>Page {first}</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="470"/>
        <source>صفحه {first} تا {last} ({count} صفحه)</source>
        <translation>Pages {first} to {last} ({count} pages)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="487"/>
        <source>پیشنهاد از روی متن صفحه‌ها: {name} (F6 برای پذیرش؛ یافته: {words})</source>
        <translation>Suggested from the pages&apos; text: {name} (F6 to accept; found: {words})</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="577"/>
        <source>پیش از این صفحه‌ها سندی نیست؛ نوع سند را بنویسید (Enter).</source>
        <translation>No document before these pages; type the document type (Enter).</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="653"/>
        <source>{sheets} برگ جداکننده کنار گذاشته شد و {docs} سند ساخته شد.</source>
        <translation>{sheets} separator pages set aside and {docs} documents made.</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="661"/>
        <source>برگ‌های جداکننده</source>
        <translation>Separator sheets</translation>
    </message>
</context>
<context>
    <name>DestructionConfirm</name>
    <message>
        <location filename="../destruction_confirm.py" line="25"/>
        <source>اجرای دسته امحای {n}</source>
        <translation>Execute destruction batch {n}</translation>
    </message>
    <message>
        <location filename="../destruction_confirm.py" line="26"/>
        <source>اصل {count} سند از {dossiers} پرونده، پس از خواندن دوباره نسخه مخزن مرکزی، برای همیشه امحا و صورتجلسه آن نوشته می‌شود. این کار برگشت‌پذیر نیست.</source>
        <translation>The originals of {count} documents from {dossiers} dossiers are destroyed for good, once their copies in the central store are read back, and the minutes are written. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../destruction_confirm.py" line="31"/>
        <source>بارکد پرونده</source>
        <translation>Dossier barcode</translation>
    </message>
    <message>
        <location filename="../destruction_confirm.py" line="31"/>
        <source>سند</source>
        <translation>Doc.</translation>
    </message>
    <message>
        <location filename="../destruction_confirm.py" line="31"/>
        <source>نوع</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../destruction_confirm.py" line="32"/>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../destruction_confirm.py" line="38"/>
        <source>رای دیگر کمیسیون پزشکی</source>
        <translation>Another medical commission ruling</translation>
    </message>
    <message>
        <location filename="../destruction_confirm.py" line="38"/>
        <source>مکاتبه تحویل‌نگرفته</source>
        <translation>Uncollected letter</translation>
    </message>
    <message>
        <location filename="../destruction_confirm.py" line="47"/>
        <source>برای تأیید، شماره دسته ({n}) را بنویسید:</source>
        <translation>To confirm, type the batch number ({n}):</translation>
    </message>
    <message>
        <location filename="../destruction_confirm.py" line="55"/>
        <source>امحا شود</source>
        <translation>Destroy</translation>
    </message>
    <message>
        <location filename="../destruction_confirm.py" line="59"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <location filename="../dossier_view.py" line="77"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="77"/>
        <source>شماره بیمه</source>
        <translation>Insured number</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="78"/>
        <source>کد ملی</source>
        <translation>National ID</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="78"/>
        <source>محل در بایگانی</source>
        <translation>Archive location</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="79"/>
        <source>وضعیت</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="79"/>
        <source>برگ‌ها</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="96"/>
        <source>مرحله</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="96"/>
        <source>انجام دهنده</source>
        <translation>Done by</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="96"/>
        <source>زمان</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="97"/>
        <source>جزئیات</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="117"/>
        <source>سند</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="117"/>
        <source>نوع سند</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="117"/>
        <source>سرفصل</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="118"/>
        <source>صفحه‌ها</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="135"/>
        <source>پرونده جدید (۱)</source>
        <translation>New dossier (1)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="136"/>
        <source>برگ شماری (۲)</source>
        <translation>Count sheets (2)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="137"/>
        <source>ثبت و الصاق بارکد (۳)</source>
        <translation>Register and label (3)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="138"/>
        <source>آماده سازی (۴)</source>
        <translation>Prepare (4)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="139"/>
        <source>جمع آوری اوراق (۸)</source>
        <translation>Reassemble (8)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="140"/>
        <source>کنترل تعداد برگ‌ها (۹)</source>
        <translation>Recount sheets (9)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="141"/>
        <source>بازگرداندن به قفسه (۱۰)</source>
        <translation>Reshelve (10)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="142"/>
        <source>خارج از نوبت</source>
        <translation>Out of turn</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="143"/>
        <source>مهر «اسکن شد» سند…</source>
        <translation>Document «Scanned» stamp…</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="323"/>
        <source>برچسب مهر «اسکن شد» سند انتخاب شده، یا خود سند با مهر، را چاپ می‌کند.</source>
        <translation>Prints the «Scanned» stamp sticker of the chosen document, or the document itself with its stamp.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="326"/>
        <source>در حال خواندن پرونده…</source>
        <translation>Reading the dossier…</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="380"/>
        <source>باز کردن پرونده موجود {0}</source>
        <translation>Open the existing dossier {0}</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="425"/>
        <source>برچسب بارکد این پرونده چاپ می‌شود؛ با چاپ نخستین برچسب، ثبت پرونده (مرحله ۳) ثبت می‌شود. برچسب را روی جلد پرونده بچسبانید.</source>
        <translation>The barcode label of this dossier is printed; printing the first label records the registration (step 3). Stick the label on the dossier&apos;s cover.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="439"/>
        <source>اوراق این پرونده را در پوشه بگذارید و برچسب پوشه ({size}) را چاپ و روی آن الصاق کنید؛ با چاپ نخستین برچسب، جمع آوری اوراق (مرحله ۸) ثبت می‌شود.</source>
        <translation>Put the sheets of this dossier back in the folder, then print the folder label ({size}) and stick it on; printing the first label records the reassembly (step 8).</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="449"/>
        <source>مهر «اسکن شد»</source>
        <translation>«Scanned» stamp</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="450"/>
        <source>مهر «اسکن شد» سند {number} این پرونده: نام شعبه، نام و کد کاربر، تاریخ اقدام.</source>
        <translation>The «Scanned» stamp of document {number} of this dossier: branch name, user name and code, date of action.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="452"/>
        <source>برچسب مهر، برای الصاق روی اصل سند</source>
        <translation>Stamp sticker, to stick on the original document</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="453"/>
        <source>سند اسکن شده با مهر (همان PDF که بارگذاری می‌شود)</source>
        <translation>The scanned document with its stamp (the PDF that is uploaded)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="458"/>
        <source>هدف تنها برای چاپ یا ذخیره خود سند اسکن‌شده پرسیده می‌شود.</source>
        <translation>The purpose is asked only when the scanned document itself is printed or saved.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="470"/>
        <source>هدف از چاپ یا ذخیره سند اسکن‌شده:</source>
        <translation>Why the scanned document is printed or saved:</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="191"/>
        <source>پرونده‌ای انتخاب نشده است</source>
        <translation>No dossier selected</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="196"/>
        <source>پرونده {barcode}</source>
        <translation>Dossier {barcode}</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="197"/>
        <source>خارج از نوبت: {reason}</source>
        <translation>Out of turn: {reason}</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="226"/>
        <source>شمارش {n}</source>
        <translation>counted {n}</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="228"/>
        <source>لاغرسازی {n}</source>
        <translation>slimmed {n}</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="230"/>
        <source>بازشماری {n}</source>
        <translation>recounted {n}</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="231"/>
        <location filename="../dossier_view.py" line="235"/>
        <location filename="../dossier_view.py" line="292"/>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="231"/>
        <source>هنوز شمرده نشده</source>
        <translation>not counted yet</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="234"/>
        <source>برگ</source>
        <translation>sheets</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="234"/>
        <source>لاغرسازی</source>
        <translation>slimmed</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="234"/>
        <source>محل</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="259"/>
        <source>مرحله بعد</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="333"/>
        <source>چاپ دوباره برچسب؛ مرحله دوباره ثبت نمی‌شود.</source>
        <translation>Reprint the label; the step is not recorded again.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="322"/>
        <source>این پرونده در همه صف‌ها پیش از بقیه می‌آید.</source>
        <translation>This dossier comes first in every queue.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="331"/>
        <source>نخست سندی طبقه‌بندی شده را از فهرست اسناد انتخاب کنید.</source>
        <translation>First choose a classified document in the list of documents.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="420"/>
        <source>{w}×{h} میلی‌متر</source>
        <translation>{w} × {h} mm</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="427"/>
        <source>برچسب برای چاپگر برچسب ({size})</source>
        <translation>Label for a label printer ({size})</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="428"/>
        <source>برگ A4 برچسب برای چاپگر معمولی</source>
        <translation>A4 sheet of labels for an ordinary printer</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="441"/>
        <source>برچسب پوشه</source>
        <translation>Folder label</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <location filename="../hold_dialog.py" line="25"/>
        <source>اصل سند {n} این پرونده</source>
        <translation>The original of document {n} of this dossier</translation>
    </message>
    <message>
        <location filename="../hold_dialog.py" line="28"/>
        <source>همه اصل‌های پرونده {barcode}</source>
        <translation>Every original of dossier {barcode}</translation>
    </message>
    <message>
        <location filename="../hold_dialog.py" line="37"/>
        <location filename="../hold_dialog.py" line="39"/>
        <source>رفع توقیف</source>
        <translation>Release hold</translation>
    </message>
    <message>
        <location filename="../hold_dialog.py" line="37"/>
        <source>توقیف باز همین سند، یا توقیف کل پرونده، برداشته می‌شود و اصل دوباره می‌تواند در دسته امحا بیاید.</source>
        <translation>The open hold on this document, or on the whole dossier, is lifted and the original may again join a destruction batch.</translation>
    </message>
    <message>
        <location filename="../hold_dialog.py" line="39"/>
        <source>دلیل رفع توقیف</source>
        <translation>Reason for the release</translation>
    </message>
    <message>
        <location filename="../hold_dialog.py" line="41"/>
        <source>توقیف اصل</source>
        <translation>Hold original</translation>
    </message>
    <message>
        <location filename="../hold_dialog.py" line="41"/>
        <source>اصل توقیف‌شده تا رفع توقیف در هیچ دسته امحایی نمی‌آید (مانند دستور مرجع قضایی یا حراست).</source>
        <translation>An original on hold joins no destruction batch until it is released (for example by order of a court or of security).</translation>
    </message>
    <message>
        <location filename="../hold_dialog.py" line="43"/>
        <source>دلیل توقیف</source>
        <translation>Reason for the hold</translation>
    </message>
    <message>
        <location filename="../hold_dialog.py" line="43"/>
        <source>توقیف</source>
        <translation>Hold</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <location filename="../intake_view.py" line="48"/>
        <source>پرونده را در صف کار با بارکد، شماره بیمه یا کد ملی پیدا کنید.</source>
        <translation>Find the dossier in the work queue by barcode, insured number or national ID.</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="55"/>
        <source>گذاشتن پرونده خارج از نوبت در صف اسکن</source>
        <translation>Put the dossier in the scanning queue out of turn</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="57"/>
        <source>افزودن فایل اسکن‌شده…</source>
        <translation>Add scanned file…</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="59"/>
        <source>افزودن برگ برای اسکن از شیشه</source>
        <translation>Add a paper to scan on the flatbed</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="61"/>
        <source>افزودن سند چندبرگی برای تغذیه خودکار</source>
        <translation>Add a document of many sheets for the feeder</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="65"/>
        <source>فقط برای نامه دبیرخانه</source>
        <translation>Only for a secretariat letter</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="68"/>
        <source>۱۴۰۳/۰۷/۱۵</source>
        <translation>1403/07/15</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="69"/>
        <source>فایل</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="69"/>
        <source>نوع سند</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="69"/>
        <location filename="../intake_view.py" line="73"/>
        <source>سرنوشت اصل</source>
        <translation>Fate of the original</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="69"/>
        <source>سرفصل</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="71"/>
        <source>پذیرش در پرونده الکترونیک</source>
        <translation>Take into the electronic file</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="73"/>
        <source>سند</source>
        <translation>Doc.</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="73"/>
        <source>نوع</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="73"/>
        <source>کلاسور و ردیف</source>
        <translation>Binder and position</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="74"/>
        <source>تحویل گیرنده</source>
        <translation>Handed to</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="75"/>
        <source>تأیید سرنوشت اصل‌ها</source>
        <translation>Confirm the fate of the originals</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="77"/>
        <source>چاپ مهر «اسکن شد» اصل‌ها…</source>
        <translation>Print the “Scanned” stamps of the originals…</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="79"/>
        <source>برای هر اصل پذیرفته‌شده یک برچسب مهر «اسکن شد» (نام شعبه، نام و کد کاربر، تاریخ اقدام) تا روی آن الصاق شود.</source>
        <translation>One “Scanned” stamp sticker (branch name, user name and code, date of action) for each original taken in, to stick on it.</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="87"/>
        <source>شماره دبیرخانه</source>
        <translation>Secretariat number</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="88"/>
        <source>تاریخ ثبت دبیرخانه</source>
        <translation>Secretariat registration date</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="149"/>
        <source>{name} — بارکد {barcode}، بیمه {insured} — {state}</source>
        <translation>{name} — barcode {barcode}, insured {insured} — {state}</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="170"/>
        <source>فایل‌های اسکن‌شده (هر فایل یک سند)</source>
        <translation>Scanned files (one document per file)</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="171"/>
        <source>تصویر (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation>Images (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="205"/>
        <source>اسکن از شیشه اسکنر</source>
        <translation>Scan on the flatbed</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="205"/>
        <source>اسکن از تغذیه خودکار</source>
        <translation>Scan from the feeder</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="230"/>
        <source>در حال پذیرش و کنترل کیفیت…</source>
        <translation>Taking in and checking quality…</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="244"/>
        <source>کلاسور {b} شماره {n}، ردیف {p}</source>
        <translation>Binder {b} no. {n}, position {p}</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="252"/>
        <source>نام کسی که اصل را گرفت</source>
        <translation>Name of who took the original</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="255"/>
        <source>{n} سند تازه به پرونده افزوده شد و برای تأیید نزد مسئول واحد رفت.</source>
        <translation>{n} new documents joined the dossier and went to the unit head for approval.</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="258"/>
        <source>{n} سند ایراد کیفی دارد؛ مسئول واحد آن را می‌بیند.</source>
        <translation>{n} documents have quality flags; the unit head will see them.</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="286"/>
        <source>سرنوشت اصل‌ها ثبت شد؛ {n} اصل به صاحبش برگردانده شد.</source>
        <translation>The fate of the originals is recorded; {n} originals were handed back.</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="294"/>
        <source>مهر «اسکن شد»</source>
        <translation>“Scanned” stamp</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="303"/>
        <source>{n} برچسب مهر «اسکن شد»، یکی برای هر اصل پذیرفته‌شده؛ هر برچسب را روی اصل همان سند بچسبانید.</source>
        <translation>{n} “Scanned” stamp stickers, one for each original taken in; stick each on the original of its document.</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="299"/>
        <source>برچسب‌های مهر «اسکن شد» آماده شد.</source>
        <translation>The “Scanned” stamp stickers are ready.</translation>
    </message>
    <message>
        <location filename="../intake_view.py" line="314"/>
        <source>پرونده خارج از نوبت در صف اسکن گذاشته شد؛ اوراق تازه را همراه پرونده اسکن کنید.</source>
        <translation>The dossier is in the scanning queue out of turn; scan the new papers with the dossier.</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../idle_lock.py" line="54"/>
        <source>صفحه به دلیل بیکاری قفل شد</source>
        <translation>The screen locked after a quiet spell</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="61"/>
        <source>باز کردن قفل</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="64"/>
        <source>ورود با کاربر دیگر</source>
        <translation>Log in as another user</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="91"/>
        <source>برای ادامه، {name} گذرواژه خود را دوباره بنویسد.</source>
        <translation>To continue, {name} types their password again.</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="101"/>
        <source>کد کاربری و گذرواژه کاربر دیگر را بنویسید.</source>
        <translation>Type the other user&apos;s code and password.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../login_dialog.py" line="82"/>
        <source>ورود به اسکن‌استیشن</source>
        <translation>Log in to ScanStation</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="84"/>
        <source>ورود به سامانه پرونده الکترونیک</source>
        <translation>Log in to the electronic file</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="88"/>
        <source>ورود</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="89"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="105"/>
        <source>هنوز کاربری تعریف نشده است؛ با «scanstation init --demo» یا «scanstation user add» کاربر بسازید.</source>
        <translation>No users yet: create them with &quot;scanstation init --demo&quot; or &quot;scanstation user add&quot;.</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../login_dialog.py" line="39"/>
        <source>کد کاربری</source>
        <translation>User code</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="40"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="55"/>
        <source>کد کاربری و گذرواژه را بنویسید.</source>
        <translation>Type your user code and password.</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="59"/>
        <source>در حال بررسی…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="61"/>
        <location filename="../main_window.py" line="137"/>
        <source>در حال کار…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="163"/>
        <source>اسکن‌استیشن</source>
        <translation>ScanStation</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="179"/>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="180"/>
        <source>کاربر: {name} ({roles})</source>
        <translation>User: {name} ({roles})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182"/>
        <source>{name} (کد {code})</source>
        <translation>{name} (code {code})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185"/>
        <source>شعبه {code}</source>
        <translation>Branch {code}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187"/>
        <source>شعبه نامشخص</source>
        <translation>Branch unknown</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188"/>
        <source>امروز {date}</source>
        <translation>Today {date}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="74"/>
        <source>خروج از حساب</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="43"/>
        <source>پرونده الکترونیک</source>
        <translation>Electronic file</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="76"/>
        <source>خروج و ورود با کاربر دیگر (Ctrl+Shift+L)</source>
        <translation>Log out and log in as another user (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224"/>
        <source>خواندن متن صفحه‌ها: {n} مانده</source>
        <translation>Reading page text: {n} to go</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="285"/>
        <source>کاری هنوز در جریان است؛ پس از پایان آن از حساب خارج شوید.</source>
        <translation>Work is still running; log out when it has finished.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191"/>
        <source>پایگاه داده نمونه — برای کار واقعی نیست</source>
        <translation>Demo database — not for real work</translation>
    </message>
</context>
<context>
    <name>OutboxIndicator</name>
    <message>
        <location filename="../outbox_view.py" line="237"/>
        <source>بارگذاری: {n} در صف</source>
        <translation>Upload: {n} waiting</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="240"/>
        <source>، {n} رسیده به مخزن</source>
        <translation>, {n} in the store</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="243"/>
        <source>، {n} نیازمند رسیدگی</source>
        <translation>, {n} need attention</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../outbox_view.py" line="43"/>
        <source>صف بارگذاری به مخزن مرکزی</source>
        <translation>Upload queue to the central store</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="58"/>
        <location filename="../outbox_view.py" line="180"/>
        <source>فایلی در حال ارسال نیست.</source>
        <translation>No file is being sent.</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="62"/>
        <source>بدون فایل</source>
        <translation>No files</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="65"/>
        <source>کد پیگیری</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="65"/>
        <source>پرونده</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="65"/>
        <source>سند</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="66"/>
        <source>تلاش‌ها</source>
        <translation>Tries</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="66"/>
        <source>آخرین مشکل</source>
        <translation>Last problem</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="78"/>
        <source>تلاش دوباره</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="81"/>
        <source>بازخوانی</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="83"/>
        <location filename="../outbox_view.py" line="108"/>
        <source>نیازمند رسیدگی</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="85"/>
        <source>مشکلات فایل انتخاب‌شده</source>
        <translation>Problems of the chosen file</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="106"/>
        <source>در صف</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="106"/>
        <source>در حال ارسال</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="107"/>
        <source>فرستاده، در انتظار ویژگی‌ها</source>
        <translation>Sent, properties pending</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="107"/>
        <source>تأییدشده در مخزن</source>
        <translation>Verified in the store</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="123"/>
        <source>بارگذاری در این پنجره به نشانی {url} انجام می‌شود.</source>
        <translation>This window uploads to {url}.</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="125"/>
        <source>نشانی مخزن مرکزی تنظیم نشده است؛ مدیر سیستم شعبه آن را در صفحه «تنظیم مخزن مرکزی» وارد می‌کند. تا آن زمان این پنجره چیزی نمی‌فرستد و صف فقط نشان داده می‌شود.</source>
        <translation>The central store's address is not set; the branch administrator enters it on the «Central store settings» screen. Until then this window sends nothing and only shows the queue.</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="146"/>
        <source>فهرست پرونده</source>
        <translation>Dossier manifest</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="163"/>
        <source>{title}: {n}</source>
        <translation>{title}: {n}</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="166"/>
        <source>{done} از {all} مگابایت در مخزن</source>
        <translation>{done} of {all} MB in the store</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="177"/>
        <source>در حال ارسال: {name} ({size} مگابایت، کد پیگیری {code})</source>
        <translation>Sending: {name} ({size} MB, tracking code {code})</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="196"/>
        <source>در حال خواندن صف بارگذاری…</source>
        <translation>Reading the upload queue…</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="198"/>
        <source>نخست فایلی را از فهرست «نیازمند رسیدگی» انتخاب کنید.</source>
        <translation>First choose a file from the “Needs attention” list.</translation>
    </message>
    <message>
        <location filename="../outbox_view.py" line="200"/>
        <source>فایل انتخاب‌شده با تلاش‌های تازه دوباره در صف ارسال می‌رود؛ مشکلات قبلی در سابقه می‌ماند.</source>
        <translation>The chosen file goes back into the queue with fresh tries; its earlier problems stay on record.</translation>
    </message>
</context>
<context>
    <name>OutboxWorker</name>
    <message>
        <location filename="../outbox_worker.py" line="112"/>
        <source>بارگذاری در این پنجره متوقف شد؛ برنامه را دوباره باز کنید یا به مسئول فناوری خبر دهید.</source>
        <translation>Uploading stopped in this window; reopen the program or tell IT.</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <location filename="../page_viewer.py" line="222"/>
        <source>صفحه‌ای برای نمایش نیست</source>
        <translation>No page to show</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="227"/>
        <source>کل صفحه</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="228"/>
        <source>پهنای صفحه</source>
        <translation>Page width</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="230"/>
        <source>سند قبلی</source>
        <translation>Previous document</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="231"/>
        <source>سند بعدی</source>
        <translation>Next document</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="438"/>
        <source>تصویر این صفحه خوانده نشد؛ پوشه صفحه‌ها را بررسی کنید.</source>
        <translation>This page&apos;s image could not be read; check the page folder.</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="455"/>
        <source>رو</source>
        <translation>front</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="455"/>
        <source>پشت</source>
        <translation>back</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="456"/>
        <source>برگ {n}</source>
        <translation>sheet {n}</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="461"/>
        <source>صفحه {n} از {total}</source>
        <translation>page {n} of {total}</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="465"/>
        <source>هنوز در سندی نیست</source>
        <translation>not in a document yet</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="468"/>
        <source>سند {n}</source>
        <translation>document {n}</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="474"/>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="476"/>
        <source>ایراد کنترل کیفیت: {flags} — پذیرفته شد: {reason}</source>
        <translation>Quality flags: {flags} — accepted: {reason}</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="479"/>
        <source>برگشت ناظر: {reason} — هنوز اصلاح نشده</source>
        <translation>Sent back by the supervisor: {reason} — not fixed yet</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="480"/>
        <source>ایراد کنترل کیفیت: {flags} — هنوز پذیرفته نشده</source>
        <translation>Quality flags: {flags} — not accepted yet</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../queue_view.py" line="50"/>
        <source>بارکد</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="50"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="51"/>
        <source>شماره بیمه</source>
        <translation>Insured number</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="52"/>
        <source>کد ملی</source>
        <translation>National ID</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="51"/>
        <source>وضعیت</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="52"/>
        <source>محل</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="53"/>
        <source>تاریخ ثبت</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="128"/>
        <source>خارج از نوبت: {reason}</source>
        <translation>Out of turn: {reason}</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../queue_view.py" line="159"/>
        <source>نام، بارکد، کد ملی یا کد پیگیری (Ctrl+F)</source>
        <translation>Name, barcode, national ID or tracking code (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="160"/>
        <source>جستجو (Ctrl+F): نام به هر املایی، بارکد یا بخشی از آن، شماره بیمه، کد ملی، یا کد پیگیری رسید برای رفتن به همان سند؛ پرونده‌های تمام‌شده هم پیدا می‌شوند</source>
        <translation>Search (Ctrl+F): a name in any spelling, a barcode or part of it, insured number, national ID, or a receipt&apos;s tracking code to go to that document; finished dossiers are found too</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="169"/>
        <source>همه پرونده‌های در جریان</source>
        <translation>All dossiers in progress</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="171"/>
        <source>آماده مرحله {number}: {title}</source>
        <translation>Ready for step {number}: {title}</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="190"/>
        <source>صف کار</source>
        <translation>Work queue</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="295"/>
        <source>{count} پرونده</source>
        <translation>{count} dossiers</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../records_view.py" line="84"/>
        <source>برنامه‌ریزی دسته امحا</source>
        <translation>Plan a destruction batch</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="85"/>
        <source>تأیید دسته انتخاب‌شده</source>
        <translation>Approve the chosen batch</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="86"/>
        <source>اجرای دسته و صورتجلسه…</source>
        <translation>Execute the batch and minutes…</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="87"/>
        <source>برچسب عطف کلاسور…</source>
        <translation>Binder spine label…</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="88"/>
        <source>فهرست محتویات کلاسور…</source>
        <translation>Binder contents list…</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="89"/>
        <source>توقیف اصل…</source>
        <translation>Hold original…</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="90"/>
        <source>رفع توقیف…</source>
        <translation>Release hold…</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="91"/>
        <source>بازخوانی</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="97"/>
        <source>امروز</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="99"/>
        <source>دسته‌ای که تا این تاریخ (شمسی) موعدش می‌رسد؛ خالی یعنی امروز. Enter فهرست دسته بعدی را برای این تاریخ نشان می‌دهد.</source>
        <translation>The batch that falls due by this (Jalali) date; empty means today. Enter shows the next batch as of this date.</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="102"/>
        <source>تا تاریخ:</source>
        <translation>As of:</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="108"/>
        <location filename="../records_view.py" line="112"/>
        <location filename="../records_view.py" line="120"/>
        <source>بارکد پرونده</source>
        <translation>Dossier barcode</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="108"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="108"/>
        <location filename="../records_view.py" line="110"/>
        <location filename="../records_view.py" line="112"/>
        <location filename="../records_view.py" line="114"/>
        <location filename="../records_view.py" line="120"/>
        <source>سند</source>
        <translation>Doc.</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="108"/>
        <location filename="../records_view.py" line="112"/>
        <location filename="../records_view.py" line="120"/>
        <source>نوع</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="109"/>
        <source>سرنوشت اصل</source>
        <translation>Fate of the original</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="109"/>
        <source>از تاریخ</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="109"/>
        <source>روز</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="110"/>
        <location filename="../records_view.py" line="120"/>
        <location filename="../records_view.py" line="233"/>
        <source>کلاسور</source>
        <translation>Binder</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="110"/>
        <source>شماره</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="110"/>
        <source>برگ</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="111"/>
        <source>پر شده</source>
        <translation>Fill</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="111"/>
        <source>بازه ثبت</source>
        <translation>Registered span</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="111"/>
        <location filename="../records_view.py" line="114"/>
        <location filename="../records_view.py" line="121"/>
        <source>وضع</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="112"/>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="113"/>
        <source>کد پیگیری</source>
        <translation>Tracking code</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="114"/>
        <source>دسته</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="114"/>
        <source>تا تاریخ</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="115"/>
        <source>برنامه‌ریز</source>
        <translation>Planned by</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="115"/>
        <source>تأییدکننده</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="115"/>
        <source>اجراکننده</source>
        <translation>Executed by</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="116"/>
        <source>صورتجلسه</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="119"/>
        <source>اصل این سند کجاست؟ بارکد، شماره بیمه، کد ملی یا کد پیگیری</source>
        <translation>Where is the original? Barcode, insured number, national ID or tracking code</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="121"/>
        <source>ردیف</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="121"/>
        <source>تاریخ ثبت</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="121"/>
        <source>توضیح</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="140"/>
        <source>نزد شعبه</source>
        <translation>Held by the branch</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="141"/>
        <source>کلاسورها</source>
        <translation>Binders</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="142"/>
        <source>دسته امحای بعدی</source>
        <translation>Next destruction batch</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="143"/>
        <source>دسته‌ها و صورتجلسه‌ها</source>
        <translation>Batches and minutes</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="144"/>
        <source>جستجوی اصل سند</source>
        <translation>Find an original</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="185"/>
        <source>بسته</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="185"/>
        <source>باز</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="214"/>
        <source>موعد دسته امحا رسیده است: {count} سند آماده امحاست (موعد دوره‌ای {date}). دسته را برنامه‌ریزی کنید تا مسئول واحد تأیید کند.</source>
        <translation>A destruction batch is due: {count} originals are ready (periodic date {date}). Plan the batch for the unit head to approve.</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="219"/>
        <source>دسته امحای بعدی: {date}؛ اکنون {count} سند آماده است.</source>
        <translation>Next destruction batch: {date}; {count} originals are ready now.</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="226"/>
        <source>%p درصد</source>
        <translation>%p%</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="232"/>
        <source>بازگرداندن به بیمه شده</source>
        <translation>Give back to the insured person</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="232"/>
        <source>نگهداری برای مراجعه</source>
        <translation>Held for collection</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="233"/>
        <source>امحا پس از بارگذاری</source>
        <translation>Destroy after upload</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="236"/>
        <source>رای دیگر کمیسیون پزشکی</source>
        <translation>Other medical commission ruling</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="236"/>
        <source>مکاتبه تحویل‌نگرفته</source>
        <translation>Uncollected correspondence</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="239"/>
        <source>در انتظار تأیید</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="239"/>
        <source>تأییدشده، آماده اجرا</source>
        <translation>Approved, ready to execute</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="240"/>
        <source>اجرا شده</source>
        <translation>Executed</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="255"/>
        <source>امحا در دسته {n}، {date}</source>
        <translation>Destroyed in batch {n}, {date}</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="258"/>
        <source>تحویل به {name}</source>
        <translation>Handed to {name}</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="259"/>
        <source>توقیف</source>
        <translation>On hold</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="273"/>
        <source>اسناد و اوراق</source>
        <translation>Documents and papers</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="283"/>
        <source>دسته امحای {n} با {count} سند برنامه‌ریزی شد و در انتظار تأیید مسئول واحد است.</source>
        <translation>Destruction batch {n} with {count} originals is planned and waits for the unit head&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="293"/>
        <source>دسته امحای {n} تأیید شد.</source>
        <translation>Destruction batch {n} is approved.</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="321"/>
        <source>دسته امحای {n} اجرا شد. صورتجلسه را چاپ و امضا کنید: {path}</source>
        <translation>Destruction batch {n} is executed. Print and sign the minutes: {path}</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="340"/>
        <source>توقیف برداشته شد.</source>
        <translation>The hold was released.</translation>
    </message>
    <message>
        <location filename="../records_view.py" line="340"/>
        <source>اصل توقیف شد؛ تا رفع توقیف امحا نمی‌شود.</source>
        <translation>The original is on hold; it will not be destroyed until the hold is released.</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../reports_view.py" line="33"/>
        <source>زمان انجام خدمت</source>
        <translation>Service time</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="33"/>
        <source>تولید</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="34"/>
        <source>کارهای مانده</source>
        <translation>Backlog</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="34"/>
        <source>کیفیت</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="34"/>
        <source>بارگذاری و اسناد</source>
        <translation>Upload and records</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="39"/>
        <source>به تفکیک مرحله</source>
        <translation>By step</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="39"/>
        <source>به تفکیک کاربر</source>
        <translation>By user</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="40"/>
        <source>نوبتی / خارج از نوبت</source>
        <translation>In turn / out of turn</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="40"/>
        <source>به تفکیک نوع سند</source>
        <translation>By document type</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="44"/>
        <source>از ۱۴۰۴/۰۱/۰۱ (خالی: از آغاز)</source>
        <translation>From 1404/01/01 (empty: from the start)</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="47"/>
        <source>تا ۱۴۰۴/۰۱/۳۱ (خالی: تا امروز)</source>
        <translation>To 1404/01/31 (empty: to today)</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="48"/>
        <source>نمایش گزارش</source>
        <translation>Show report</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="51"/>
        <source>ذخیره PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="53"/>
        <source>ذخیره اکسل…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="58"/>
        <source>گزارش:</source>
        <translation>Report:</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="59"/>
        <source>تفکیک:</source>
        <translation>Grouping:</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="63"/>
        <source>بازه:</source>
        <translation>Range:</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="96"/>
        <source>گزارشی برای نقش شما تعریف نشده است.</source>
        <translation>No report is defined for your role.</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="104"/>
        <source>در حال محاسبه…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="117"/>
        <source>{title} — {period}</source>
        <translation>{title} — {period}</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="153"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="153"/>
        <source>اکسل (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="154"/>
        <source>ذخیره گزارش</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../reports_view.py" line="168"/>
        <source>در حال ساختن فایل…</source>
        <translation>Building the file…</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../review_view.py" line="84"/>
        <source>بارکد</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="84"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="84"/>
        <source>نوع</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="84"/>
        <source>اپراتور</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="84"/>
        <source>صفحه</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="85"/>
        <source>سند در انتظار</source>
        <translation>Documents waiting</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="85"/>
        <source>برگ: شمارش − لاغری / اسکن</source>
        <translation>Sheets: counted − slimmed / scanned</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="85"/>
        <source>ایراد پذیرفته</source>
        <translation>Flags accepted</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="86"/>
        <source>انتظار</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="102"/>
        <source>{captured} اسکن، {counted} در شمارش (پیش از اوراق افزوده)</source>
        <translation>{captured} scanned, {counted} counted (before the papers added)</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="114"/>
        <source>پرونده</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="114"/>
        <source>سند افزوده</source>
        <translation>Added document</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="116"/>
        <source>{pending} از {total}</source>
        <translation>{pending} of {total}</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="126"/>
        <source>خارج از نوبت</source>
        <translation>Out of turn</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../review_view.py" line="50"/>
        <source>{n} دقیقه</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="52"/>
        <source>{n} ساعت</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="53"/>
        <source>{n} روز</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="59"/>
        <source>صفحه‌های نام‌برده با دلیل شما به اپراتور برمی‌گردند تا اصلاح شوند؛ این سند افزوده در باجه است و پرونده و اسناد تأییدشده‌اش دست نمی‌خورند.</source>
        <translation>The pages named go back to the operator with your reason to be fixed; this document was added at the counter, so the dossier and its approved documents are not touched.</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="61"/>
        <source>صفحه‌های نام‌برده با دلیل شما به اپراتور برمی‌گردند و پرونده به تصویربرداری بازمی‌گردد.</source>
        <translation>The pages named go back to the operator with your reason and the dossier returns to scanning.</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="63"/>
        <source>رد سند {n}</source>
        <translation>Reject document {n}</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="64"/>
        <source>صفحه‌ها را با شماره در پرونده بنویسید؛ خالی یعنی همه صفحه‌های سند.</source>
        <translation>Write the pages by their number in the dossier; empty means every page of the document.</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="66"/>
        <source>دلیل رد</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="67"/>
        <source>مثلاً: مهر برابر اصل خوانا نیست</source>
        <translation>e.g. the certified-copy stamp is not legible</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="68"/>
        <source>صفحه‌ها</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="69"/>
        <source>مثلاً ۳-۴،۷</source>
        <translation>e.g. 3-4,7</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="70"/>
        <source>رد و بازگرداندن</source>
        <translation>Reject and send back</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="162"/>
        <source>پرونده‌های در انتظار تأیید ناظر (مرحله ۷)</source>
        <translation>Dossiers waiting for the supervisor&apos;s approval (step 7)</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="255"/>
        <source>Enter: بازبینی پرونده انتخاب شده</source>
        <translation>Enter: review the selected dossier</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="338"/>
        <source>سند {n}، ص {pages}، {state}
{kind}</source>
        <translation>Document {n}, p. {pages}, {state}
{kind}</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="188"/>
        <source>تأیید سند</source>
        <translation>Approve document</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="191"/>
        <source>رد سند…</source>
        <translation>Reject document…</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="194"/>
        <source>بازگشت به صف (Esc)</source>
        <translation>Back to the queue (Esc)</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="202"/>
        <source>اسناد پرونده</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="256"/>
        <source>پرونده‌ای در انتظار تأیید نیست؛ پرونده‌ای که کاربر کنترل کیفیت آن را به پایان برساند (مرحله ۶) اینجا می‌آید.</source>
        <translation>No dossier is waiting for approval; a dossier comes here once a clerk finishes its quality check (step 6).</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="294"/>
        <source>بازبینی پرونده {barcode} — {name} — {state}</source>
        <translation>Review of dossier {barcode} — {name} — {state}</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="336"/>
        <source>تأیید شد: {who}</source>
        <translation>approved: {who}</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="337"/>
        <source>در انتظار تأیید</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="371"/>
        <location filename="../review_view.py" line="403"/>
        <location filename="../review_view.py" line="463"/>
        <source>این صفحه در هیچ سندی نیست.</source>
        <translation>This page is in no document.</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="373"/>
        <source>تأیید تصاویر این سند با اصل اوراق (Ctrl+Enter یا A)</source>
        <translation>Approve this document&apos;s images against the originals (Ctrl+Enter or A)</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="375"/>
        <source>بازگرداندن صفحه‌های این سند به اپراتور با ذکر دلیل (R)</source>
        <translation>Send pages of this document back to the operator with a reason (R)</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="410"/>
        <source>در حال خواندن دوباره تصاویر سند {n}…</source>
        <translation>Re-reading the images of document {n}…</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="416"/>
        <source>صفحه‌های دیده‌نشده</source>
        <translation>Pages not seen</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="417"/>
        <source>{count} صفحه از سند {n} به شما نشان داده نشده است (صفحه‌های {pages}). تأیید شما یعنی تصویر هر صفحه با اصل آن تطبیق داده شده است.</source>
        <translation>{count} pages of document {n} were not shown to you (pages {pages}). Your approval says every page&apos;s image was matched with its original.</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="419"/>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../review_view.py" line="422"/>
        <source>نمایش نخستین صفحه دیده‌نشده</source>
        <translation>Show the first page not seen</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="423"/>
        <source>تأیید بدون دیدن همه صفحه‌ها</source>
        <translation>Approve without seeing every page</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="448"/>
        <source>همه اسناد پرونده {barcode} تأیید شد و مرحله ۷ ثبت شد.</source>
        <translation>Every document of dossier {barcode} is approved; step 7 is recorded.</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="451"/>
        <source>سند {n} با {pages} صفحه تأیید شد.</source>
        <translation>Document {n} ({pages} pages) approved.</translation>
    </message>
    <message>
        <location filename="../review_view.py" line="479"/>
        <source>سند {n} پرونده {barcode} با دلیل شما به اپراتور برگشت.</source>
        <translation>Document {n} of dossier {barcode} went back to the operator with your reason.</translation>
    </message>
</context>
<context>
    <name>StepDialogs</name>
    <message>
        <location filename="../step_dialogs.py" line="72"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="90"/>
        <source>در حال ثبت…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="112"/>
        <source>پرونده جدید — خارج کردن از ردیف بایگانی</source>
        <translation>New dossier — taken off the archive shelf</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="113"/>
        <source>شماره بیمه</source>
        <translation>Insured number</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="114"/>
        <source>مثلاً ۱۰۰۰۲۳۴۵۶۷</source>
        <translation>e.g. 1000234567</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="115"/>
        <source>کد ملی</source>
        <translation>National ID</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="115"/>
        <source>ده رقم</source>
        <translation>ten digits</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="116"/>
        <source>نام و نام خانوادگی بیمه شده</source>
        <translation>Insured person&apos;s full name</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="117"/>
        <location filename="../step_dialogs.py" line="153"/>
        <source>محل در بایگانی (ردیف/قفسه)</source>
        <translation>Archive location (row/shelf)</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="118"/>
        <source>مثلاً ردیف ۳ قفسه ۱۲</source>
        <translation>e.g. row 3 shelf 12</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="119"/>
        <source>دلیل خارج از نوبت (اگر هست)</source>
        <translation>Out-of-turn reason (if any)</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="120"/>
        <source>خالی یعنی در نوبت</source>
        <translation>empty means in turn</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="121"/>
        <source>دلیل پرونده دوم برای همین کد ملی</source>
        <translation>Reason for a second dossier for this national ID</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="122"/>
        <source>تنها اگر این کد ملی پرونده دیگری دارد</source>
        <translation>Only if this national ID already has a dossier</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="123"/>
        <source>ثبت پرونده</source>
        <translation>Register dossier</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="128"/>
        <source>برگ شماری</source>
        <translation>Sheet count</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="129"/>
        <source>برگ‌های پرونده را بشمارید (هر برگ یک بار، نه هر رو).</source>
        <translation>Count the dossier&apos;s sheets (each sheet once, not each side).</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="130"/>
        <location filename="../step_dialogs.py" line="146"/>
        <source>تعداد برگ‌ها</source>
        <translation>Number of sheets</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="131"/>
        <source>ثبت برگ شماری</source>
        <translation>Save count</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="136"/>
        <source>آماده سازی</source>
        <translation>Preparation</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="137"/>
        <source>گیره‌ها را باز کنید، برگ‌های آسیب‌دیده را ترمیم و مرتب کنید.</source>
        <translation>Remove the clips, repair damaged sheets and put them in order.</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="138"/>
        <source>تعداد برگ‌های لاغرسازی شده</source>
        <translation>Sheets slimmed out</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="139"/>
        <source>ثبت آماده سازی</source>
        <translation>Save preparation</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="144"/>
        <source>کنترل تعداد برگ‌ها</source>
        <translation>Recount sheets</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="145"/>
        <source>برگ‌های پرونده جمع‌آوری شده را دوباره بشمارید.</source>
        <translation>Count the reassembled sheets again.</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="147"/>
        <source>ثبت بازشماری</source>
        <translation>Save recount</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="152"/>
        <source>بازگرداندن به قفسه</source>
        <translation>Reshelve</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="154"/>
        <source>ثبت بازگرداندن</source>
        <translation>Save reshelving</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="159"/>
        <source>خارج از نوبت</source>
        <translation>Out of turn</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="160"/>
        <source>این پرونده در همه صف‌ها پیش از بقیه می‌آید.</source>
        <translation>This dossier comes first in every queue.</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="161"/>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="162"/>
        <source>مثلاً: بیمه شده در باجه است</source>
        <translation>e.g. the insured person is at the counter</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="163"/>
        <source>ثبت خارج از نوبت</source>
        <translation>Mark out of turn</translation>
    </message>
</context>
<context>
    <name>StoreCheckView</name>
    <message>
        <location filename="../store_check_view.py" line="32"/>
        <source>بررسی همه تصویرها</source>
        <translation>Check every image</translation>
    </message>
    <message>
        <location filename="../store_check_view.py" line="34"/>
        <source>توقف</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../store_check_view.py" line="38"/>
        <source>%p درصد</source>
        <translation>%p%</translation>
    </message>
    <message>
        <location filename="../store_check_view.py" line="39"/>
        <source>هر تصویر صفحه دوباره خوانده و با هش ثبت‌شده در پایگاه داده سنجیده می‌شود.</source>
        <translation>Every page image is read again and compared with the hash recorded in the database.</translation>
    </message>
    <message>
        <location filename="../store_check_view.py" line="77"/>
        <source>بررسی پس از {files} فایل تصویر متوقف شد.</source>
        <translation>The check stopped after {files} image files.</translation>
    </message>
    <message>
        <location filename="../store_check_view.py" line="79"/>
        <source>همه {files} فایل تصویر، که {rows} ردیف صفحه به آن‌ها اشاره دارد، سالم است.</source>
        <translation>All {files} image files, which {rows} page rows name, are intact.</translation>
    </message>
    <message>
        <location filename="../store_check_view.py" line="82"/>
        <source>{count} صفحه تصویر سالم ندارد؛ آن‌ها را دوباره اسکن کنید یا از پشتیبان برگردانید.</source>
        <translation>{count} pages have no intact image: rescan them or restore them from a backup.</translation>
    </message>
</context>
<context>
    <name>StoreSettingsView</name>
    <message>
        <location filename="../store_settings_view.py" line="26"/>
        <source>مخزن مرکزی اسناد</source>
        <translation>Central document store</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="28"/>
        <source>پرونده‌های تأییدشده به این مخزن (WebDAV) فرستاده می‌شوند. گذرواژه در کلیدستان سیستم نگه داشته می‌شود، نه در پرونده تنظیمات.</source>
        <translation>Approved files are sent to this store (WebDAV). The password is kept in the system keyring, not in the config file.</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="39"/>
        <source>انتخاب…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="45"/>
        <source>نشانی مخزن:</source>
        <translation>Store address:</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="46"/>
        <source>کاربر مخزن:</source>
        <translation>Store user:</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="47"/>
        <source>گذرواژه:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="48"/>
        <source>گواهی مرجع (PEM، اختیاری):</source>
        <translation>CA certificate (PEM, optional):</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="49"/>
        <source>آزمایش اتصال</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="52"/>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="86"/>
        <source>نگه داشته شده؛ خالی یعنی بدون تغییر</source>
        <translation>kept; empty means unchanged</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="87"/>
        <source>هنوز گذرواژه‌ای نگه داشته نشده است</source>
        <translation>no password kept yet</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="90"/>
        <source>از متغیر محیطی {name} آمده و اینجا تغییر نمی‌کند.</source>
        <translation>Comes from the environment variable {name} and is not changed here.</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="92"/>
        <source>پرونده تنظیمات: {path}</source>
        <translation>Config file: {path}</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="99"/>
        <source>گواهی مرجع مخزن</source>
        <translation>The store&apos;s CA certificate</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="99"/>
        <source>گواهی PEM (*.pem *.crt)</source>
        <translation>PEM certificate (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="107"/>
        <source>در حال تماس با مخزن…</source>
        <translation>Contacting the store…</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="114"/>
        <source>اتصال برقرار شد: مخزن پاسخ داد و {n} پوشه در آن هست.</source>
        <translation>Connected: the store answered and holds {n} folders.</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="120"/>
        <source>انجام نشد: {reason}</source>
        <translation>Not done: {reason}</translation>
    </message>
    <message>
        <location filename="../store_settings_view.py" line="133"/>
        <source>ذخیره شد؛ بارگذاری با این تنظیمات از سر گرفته شد.</source>
        <translation>Saved; uploading goes on with these settings.</translation>
    </message>
</context>
<context>
    <name>TextSearchBox</name>
    <message>
        <location filename="../text_search.py" line="30"/>
        <source>جستجو در متن صفحه‌ها</source>
        <translation>Search the pages&apos; text</translation>
    </message>
    <message>
        <location filename="../text_search.py" line="31"/>
        <source>جستجو در متن این پرونده</source>
        <translation>Search this dossier&apos;s text</translation>
    </message>
    <message>
        <location filename="../text_search.py" line="33"/>
        <source>فقط در پرونده انتخاب‌شده</source>
        <translation>Only in the chosen dossier</translation>
    </message>
    <message>
        <location filename="../text_search.py" line="72"/>
        <source>نخست پرونده‌ای را انتخاب کنید.</source>
        <translation>Choose a dossier first.</translation>
    </message>
    <message>
        <location filename="../text_search.py" line="80"/>
        <source>سند {d}، صفحه {p}</source>
        <translation>document {d}, page {p}</translation>
    </message>
    <message>
        <location filename="../text_search.py" line="81"/>
        <source>صفحه {p}</source>
        <translation>page {p}</translation>
    </message>
    <message>
        <location filename="../text_search.py" line="86"/>
        <source>{n} صفحه یافت شد.</source>
        <translation>{n} pages found.</translation>
    </message>
    <message>
        <location filename="../text_search.py" line="87"/>
        <source>در متن خوانده‌شده صفحه‌ها یافت نشد (صفحه‌هایی که هنوز خوانده نشده‌اند در جستجو نیستند).</source>
        <translation>Not found in the pages&apos; read text (pages not read yet are not searched).</translation>
    </message>
</context>
<context>
    <name>TextSearchScreen</name>
    <message>
        <location filename="../text_search.py" line="115"/>
        <source>جستجو در متن صفحه‌ها</source>
        <translation>Search the pages&apos; text</translation>
    </message>
    <message>
        <location filename="../text_search.py" line="117"/>
        <source>واژه‌ها را با هر نوشتاری بنویسید (ی و ک عربی یا فارسی، رقم فارسی یا لاتین، با یا بی فاصله)؛ متن صفحه‌ها پس از ذخیره در پس‌زمینه خوانده می‌شود.</source>
        <translation>Type the words in any spelling (Arabic or Persian ye and kaf, Persian or Latin digits, with or without spaces); the pages&apos; text is read in the background once they are stored.</translation>
    </message>
</context>
<context>
    <name>TrackingStrip</name>
    <message>
        <location filename="../tracking_strip.py" line="29"/>
        <source>بارگذاری:</source>
        <translation>Upload:</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="35"/>
        <source>چاپ رسید کد پیگیری…</source>
        <translation>Print tracking receipt…</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="47"/>
        <source>در صف بارگذاری</source>
        <translation>Queued for upload</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="47"/>
        <source>در حال ارسال</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="48"/>
        <source>فرستاده شد</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="48"/>
        <source>در مخزن مرکزی تأیید شد</source>
        <translation>Verified in the central store</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="49"/>
        <source>نیازمند رسیدگی</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="59"/>
        <source>سند {n}: هنوز کد پیگیری ندارد (پس از تأیید در مرحله ۷ داده می‌شود).</source>
        <translation>Document {n}: no tracking code yet (given after approval at step 7).</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="62"/>
        <source>سند {n}: {state} — کد پیگیری {code}</source>
        <translation>Document {n}: {state} — tracking code {code}</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="65"/>
        <source>رسید کد پیگیری سند انتخاب‌شده یا همه اسناد پرونده را چاپ می‌کند.</source>
        <translation>Prints the tracking receipt of the chosen document or of every document of the dossier.</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="66"/>
        <source>هیچ سند این پرونده هنوز کد پیگیری ندارد.</source>
        <translation>No document of this dossier has a tracking code yet.</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="72"/>
        <source>رسید همه اسناد پرونده</source>
        <translation>Receipt for every document of the dossier</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="74"/>
        <source>رسید سند {n}</source>
        <translation>Receipt for document {n}</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="76"/>
        <source>رسید کد پیگیری</source>
        <translation>Tracking receipt</translation>
    </message>
    <message>
        <location filename="../tracking_strip.py" line="78"/>
        <source>رسید کد پیگیری بارگذاری در مخزن مرکزی، با بارکد کد هر سند، برای بیمه‌شده یا پرونده.</source>
        <translation>The tracking receipt of the upload to the central store, with each document&apos;s code as a barcode, for the insured person or the file.</translation>
    </message>
</context>
<context>
    <name>TypeChooser</name>
    <message>
        <location filename="../classification_view.py" line="81"/>
        <source>چند حرف از نام یا کد نوع سند</source>
        <translation>A few letters of the type name or code</translation>
    </message>
</context>
<context>
    <name>UsersAdmin</name>
    <message>
        <location filename="../users_admin.py" line="53"/>
        <source>کد</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="53"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="53"/>
        <source>نقش‌ها</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="53"/>
        <source>وضعیت</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="60"/>
        <source>کاربر تازه…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="61"/>
        <source>نقش‌ها…</source>
        <translation>Roles…</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="62"/>
        <source>باز کردن قفل</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="63"/>
        <source>گذرواژه تازه…</source>
        <translation>New password…</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="64"/>
        <location filename="../users_admin.py" line="121"/>
        <source>غیرفعال کردن</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="92"/>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="94"/>
        <source>غیرفعال</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="96"/>
        <source>قفل تا {time}</source>
        <translation>Locked until {time}</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="98"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="121"/>
        <source>فعال کردن</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="142"/>
        <source>کاربر تازه</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="143"/>
        <source>کد کاربر با حروف لاتین و رقم؛ دست‌کم یک نقش را برگزینید.</source>
        <translation>User code in Latin letters and digits; choose at least one role.</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="144"/>
        <source>کد کاربر</source>
        <translation>User code</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="145"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="146"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="147"/>
        <source>افزودن کاربر</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="158"/>
        <source>نقش‌های {code}</source>
        <translation>Roles of {code}</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="159"/>
        <source>ثبت نقش‌ها</source>
        <translation>Save roles</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="167"/>
        <source>گذرواژه تازه برای {code}</source>
        <translation>New password for {code}</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="168"/>
        <source>گذرواژه را به خود کاربر بدهید؛ قفل حساب هم باز می‌شود.</source>
        <translation>Give the password to the user in person; this also unlocks the account.</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="169"/>
        <source>گذرواژه تازه</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="170"/>
        <source>ثبت گذرواژه</source>
        <translation>Save password</translation>
    </message>
</context>
<context>
    <name>look</name>
    <message>
        <location filename="../look.py" line="80"/>
        <source>اسکن‌استیشن</source>
        <translation>ScanStation</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../operations.py" line="33"/>
        <source>پیام اسکن‌استیشن</source>
        <translation>ScanStation message</translation>
    </message>
    <message>
        <location filename="../operations.py" line="38"/>
        <source>باشه</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../operations.py" line="139"/>
        <source>خطای پیش‌بینی نشده: {error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../printing.py" line="36"/>
        <source>چاپ نشد: برنامه {tool} از poppler-utils اجرا نشد ({error}).</source>
        <translation>Not printed: the poppler-utils program {tool} did not run ({error}).</translation>
    </message>
    <message>
        <location filename="../printing.py" line="75"/>
        <source>چاپگر آماده نیست؛ چاپ نشد.</source>
        <translation>The printer is not ready; nothing was printed.</translation>
    </message>
    <message>
        <location filename="../printing.py" line="77"/>
        <source>چاپگر برگ بعد را نپذیرفت؛ چاپ ناتمام ماند.</source>
        <translation>The printer did not accept the next page; printing is incomplete.</translation>
    </message>
    <message>
        <location filename="../printing.py" line="94"/>
        <source>فایل {path} نوشته نشد ({error}).</source>
        <translation>The file {path} was not written ({error}).</translation>
    </message>
    <message>
        <location filename="../printing.py" line="123"/>
        <source>چاپ…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../printing.py" line="125"/>
        <source>ذخیره PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../printing.py" line="128"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../printing.py" line="183"/>
        <source>ذخیره شد: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../printing.py" line="188"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>rejections</name>
    <message>
        <location filename="../rejections.py" line="16"/>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../rejections.py" line="23"/>
        <location filename="../rejections.py" line="47"/>
        <source>سند {n}</source>
        <translation>document {n}</translation>
    </message>
    <message>
        <location filename="../rejections.py" line="25"/>
        <location filename="../rejections.py" line="49"/>
        <source>، صفحه‌های {pages}</source>
        <translation>, pages {pages}</translation>
    </message>
    <message>
        <location filename="../rejections.py" line="27"/>
        <source>کل پرونده</source>
        <translation>the whole file</translation>
    </message>
    <message>
        <location filename="../rejections.py" line="28"/>
        <source>رد ناظر — {who}، {when} — {what}: {reason}</source>
        <translation>Sent back by {who}, {when} — {what}: {reason}</translation>
    </message>
    <message>
        <location filename="../rejections.py" line="36"/>
        <source>برگشت ناظر: {reason}</source>
        <translation>Sent back by the supervisor: {reason}</translation>
    </message>
    <message>
        <location filename="../rejections.py" line="44"/>
        <source>سند {n} تأیید شد</source>
        <translation>document {n} approved</translation>
    </message>
    <message>
        <location filename="../rejections.py" line="50"/>
        <source>برگشت داده شد ({where}): {reason}</source>
        <translation>sent back ({where}): {reason}</translation>
    </message>
    <message>
        <location filename="../rejections.py" line="53"/>
        <source>کل پرونده رد شد: {reason}</source>
        <translation>whole file rejected: {reason}</translation>
    </message>
    <message>
        <location filename="../rejections.py" line="54"/>
        <source>همه اسناد تأیید شد</source>
        <translation>all documents approved</translation>
    </message>
</context>
<context>
    <name>screens</name>
    <message>
        <location filename="../screens.py" line="50"/>
        <source>پرونده</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../screens.py" line="51"/>
        <source>تصویربرداری و کنترل کیفیت</source>
        <translation>Imaging and quality check</translation>
    </message>
    <message>
        <location filename="../screens.py" line="52"/>
        <source>طبقه‌بندی صفحه‌ها</source>
        <translation>Classify pages</translation>
    </message>
    <message>
        <location filename="../screens.py" line="53"/>
        <source>بازبینی ناظر (۷)</source>
        <translation>Supervisor&apos;s review (7)</translation>
    </message>
    <message>
        <location filename="../screens.py" line="55"/>
        <source>جستجو در متن</source>
        <translation>Text search</translation>
    </message>
    <message>
        <location filename="../screens.py" line="56"/>
        <source>پذیرش باجه</source>
        <translation>Counter intake</translation>
    </message>
    <message>
        <location filename="../screens.py" line="57"/>
        <source>اسناد و اوراق</source>
        <translation>Documents and papers</translation>
    </message>
    <message>
        <location filename="../screens.py" line="59"/>
        <source>کاربران</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../screens.py" line="60"/>
        <source>بررسی مخزن تصویرها</source>
        <translation>Image store check</translation>
    </message>
    <message>
        <location filename="../screens.py" line="62"/>
        <source>صف بارگذاری</source>
        <translation>Upload queue</translation>
    </message>
    <message>
        <location filename="../screens.py" line="64"/>
        <source>تنظیم مخزن مرکزی</source>
        <translation>Central store settings</translation>
    </message>
    <message>
        <location filename="../screens.py" line="66"/>
        <source>گزارش‌ها</source>
        <translation>Reports</translation>
    </message>
</context>
</TS>
